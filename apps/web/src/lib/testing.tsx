import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { I18nProvider, type Locale } from '../i18n';
import type { DistrictSummary } from '../features/districts/DistrictLayout';
import { createClient, TRPCProvider } from './trpc';

export const yuhua: DistrictSummary = {
  code: '130108',
  name: '裕华区',
  city: '石家庄市',
  province: '河北省',
  planTitle: '石家庄市裕华区国民经济和社会发展第十四个五年规划',
  indicatorCount: 3,
};

/**
 * Renders a page of a district as the app does: language, query client, tRPC, and the router
 * with the district in the outlet's context.
 */
export function renderInDistrict(page: ReactNode, locale: Locale = 'zh-CN', path = '/d/130108') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [
      {
        path: '/d/:code',
        element: <Outlet context={yuhua} />,
        children: [
          { index: true, element: page },
          { path: 'indicators/:seq', element: page },
          { path: '*', element: page },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  render(
    <I18nProvider locale={locale}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={createClient('http://localhost/trpc')} queryClient={queryClient}>
          <RouterProvider router={router} />
        </TRPCProvider>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

/** Answers tRPC batch requests by procedure (`scorecard.district`), as the server would. */
export function serveProcedures(answers: Record<string, unknown>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input));
      const names = decodeURIComponent(url.pathname.replace(/^\/trpc\//, '')).split(',');
      const body = names.map((n) =>
        n in answers
          ? { result: { data: answers[n] } }
          : { error: { message: n, code: -32004, data: { code: 'NOT_FOUND', httpStatus: 404 } } },
      );
      return new Response(JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
}
