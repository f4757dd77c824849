import { lazy, Suspense, type ComponentType } from 'react';
import { type RouteObject } from 'react-router';
import { RouteError } from '../components/RouteError';
import { Shell } from '../components/Shell';
import { EmptyState, Loading } from '../components/states';
import { useI18n } from '../i18n';
import { DistrictLayout } from '../features/districts/DistrictLayout';
import { SignInPage } from '../features/auth/SignInPage';

/** A page loaded with its own chunk when first opened, so no route carries another's code (Recharts, zod). */
function page(load: () => Promise<ComponentType>) {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

const DistrictsPage = page(() =>
  import('../features/districts/DistrictsPage').then((m) => m.DistrictsPage),
);
const ScorecardPage = page(() =>
  import('../features/scorecard/ScorecardPage').then((m) => m.ScorecardPage),
);
const IndicatorPage = page(() =>
  import('../features/scorecard/IndicatorPage').then((m) => m.IndicatorPage),
);
const EntryPage = page(() => import('../features/entry/EntryPage').then((m) => m.EntryPage));
const EvaluationPage = page(() =>
  import('../features/evaluation/EvaluationPage').then((m) => m.EvaluationPage),
);
const UsersPage = page(() => import('../features/admin/UsersPage').then((m) => m.UsersPage));
const PlansPage = page(() => import('../features/admin/PlansPage').then((m) => m.PlansPage));
const ChangePasswordPage = page(() =>
  import('../features/auth/ChangePasswordPage').then((m) => m.ChangePasswordPage),
);

/** Where a signed-in user starts (工作台): their role's tasks. */
const HomePage = page(() => import('../features/home/HomePage').then((m) => m.HomePage));

function NotFound() {
  const { t } = useI18n();
  return <EmptyState title={t('state.notFound.title')}>{t('state.notFound.body')}</EmptyState>;
}

/**
 * Every level that draws a frame catches what fails below it (a page's code that could not be
 * fetched, a page that threw), so the frame stays and the failure is said in the reader's words.
 */
export const routes: RouteObject[] = [
  {
    errorElement: <RouteError standalone />,
    children: [
      { path: 'sign-in', element: <SignInPage /> },
      {
        element: <Shell />,
        children: [
          {
            errorElement: <RouteError />,
            children: [
              { index: true, element: HomePage },
              { path: 'districts', element: DistrictsPage },
              {
                path: 'd/:code',
                element: <DistrictLayout />,
                children: [
                  {
                    errorElement: <RouteError />,
                    children: [
                      { index: true, element: ScorecardPage },
                      { path: 'indicators/:seq', element: IndicatorPage },
                      { path: 'entry', element: EntryPage },
                      { path: 'evaluation', element: EvaluationPage },
                    ],
                  },
                ],
              },
              { path: 'admin/users', element: UsersPage },
              { path: 'admin/plans', element: PlansPage },
              { path: 'account/password', element: ChangePasswordPage },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
];
