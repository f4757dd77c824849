import { Navigate, type RouteObject } from 'react-router';
import { Shell } from '../components/Shell';
import { EmptyState } from '../components/states';
import { useI18n } from '../i18n';
import { rememberedDistrict } from '../lib/district';
import { useMe } from '../lib/auth';
import { DistrictLayout } from '../features/districts/DistrictLayout';
import { DistrictsPage } from '../features/districts/DistrictsPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { EntryPage } from '../features/entry/EntryPage';
import { EvaluationPage } from '../features/evaluation/EvaluationPage';
import { SignInPage } from '../features/auth/SignInPage';
import { UsersPage } from '../features/admin/UsersPage';
import { PlansPage } from '../features/admin/PlansPage';

/** Where a signed-in user starts: the district they last opened, or their only district. */
function Home() {
  const me = useMe();
  const own =
    me.data && me.data.districts !== 'all' && me.data.districts.length === 1
      ? me.data.districts[0]
      : null;
  const code = rememberedDistrict() ?? own;
  return <Navigate to={code ? `/d/${code}` : '/districts'} replace />;
}

function NotFound() {
  const { t } = useI18n();
  return <EmptyState title={t('state.notFound.title')}>{t('state.notFound.body')}</EmptyState>;
}

export const routes: RouteObject[] = [
  { path: 'sign-in', element: <SignInPage /> },
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
      { path: 'admin/users', element: <UsersPage /> },
      { path: 'admin/plans', element: <PlansPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
