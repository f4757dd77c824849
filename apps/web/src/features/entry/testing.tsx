import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { vi } from 'vitest';
import { I18nProvider, type Locale } from '../../i18n';
import { createClient, TRPCProvider } from '../../lib/trpc';

/** Renders entry pieces as the page does: with the language, the query client and tRPC. */
export function renderWith(children: ReactNode, locale: Locale = 'zh-CN') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nProvider locale={locale}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={createClient('http://localhost/trpc')} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

/** Answers every tRPC request with `result`, as the server's batch link expects. */
export function serve(result: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify([{ result: { data: result } }]), {
          headers: { 'content-type': 'application/json' },
        }),
    ),
  );
}
