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

/** Answers each tRPC procedure of a request (batched or not) with `answers[procedure]`. */
export function serveEach(answers: Record<string, unknown>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const path = new URL(url).pathname.replace(/^\/trpc\//, '');
      const body = path.split(',').map((p) => ({ result: { data: answers[p] ?? null } }));
      return new Response(JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
}
