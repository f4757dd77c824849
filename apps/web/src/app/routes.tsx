import { Navigate, type RouteObject } from 'react-router';
import { Shell } from '../components/Shell';
import { EmptyState } from '../components/states';
import { useI18n } from '../i18n';
import { rememberedDistrict } from '../lib/district';
import { DistrictLayout } from '../features/districts/DistrictLayout';
import { DistrictsPage } from '../features/districts/DistrictsPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { EntryPage } from '../features/entry/EntryPage';
import { EvaluationPage } from '../features/evaluation/EvaluationPage';

function Home() {
  const code = rememberedDistrict();
  return <Navigate to={code ? `/d/${code}` : '/districts'} replace />;
}

function NotFound() {
  const { t } = useI18n();
  return <EmptyState title={t('state.notFound.title')}>{t('state.notFound.body')}</EmptyState>;
}

export const routes: RouteObject[] = [
  {
    element: <Shell />,
    children: [
      { index: true, element: <Home /> },
      { path: 'districts', element: <DistrictsPage /> },
      {
        path: 'd/:code',
        element: <DistrictLayout />,
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'entry', element: <EntryPage /> },
          { path: 'evaluation', element: <EvaluationPage /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];
