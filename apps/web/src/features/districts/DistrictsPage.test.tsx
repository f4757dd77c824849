import { render, screen, cleanup } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider, type Locale } from '../../i18n';
import { createClient, TRPCProvider } from '../../lib/trpc';
import { DistrictsPage } from './DistrictsPage';

/** Answers tRPC batch requests the way the server does, with `result` for districts.list. */
function serve(result: unknown, status = 200) {
  const body = status === 200 ? [{ result: { data: result } }] : [{ error: result }];
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        }),
    ),
  );
}

function renderPage(locale: Locale = 'zh-CN') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/districts', element: <DistrictsPage /> }], {
    initialEntries: ['/districts'],
  });
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

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('DistrictsPage', () => {
  it('lists the districts with their indicator counts', async () => {
    serve([
      {
        code: '130108',
        name: '裕华区',
        city: '石家庄市',
        province: '河北省',
        planTitle: 'p',
        indicatorCount: 17,
      },
    ]);
    renderPage();
    expect(await screen.findByRole('link', { name: '打开 裕华区 的总览' })).toHaveProperty(
      'pathname',
      '/d/130108',
    );
    expect(screen.getByText('17')).toBeTruthy();
  });

  it('says so when there are no districts', async () => {
    serve([]);
    renderPage('en');
    expect(await screen.findByText('No districts yet')).toBeTruthy();
  });

  it('shows the error and a retry button when the server fails', async () => {
    serve(
      {
        message: 'db down',
        code: -32603,
        data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 },
      },
      500,
    );
    renderPage('en');
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
