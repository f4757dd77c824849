import { useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { I18nProvider } from '../i18n';
import { createClient, TRPCProvider } from '../lib/trpc';
import { routes } from './routes';

/** Client errors (4xx) are answers, not outages: retrying them only delays the message. */
function shouldRetry(count: number, error: unknown): boolean {
  const status =
    error instanceof TRPCClientError
      ? (error.data as { httpStatus?: number } | undefined)?.httpStatus
      : undefined;
  return count < 2 && !(status && status >= 400 && status < 500);
}

export function App() {
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { retry: shouldRetry, staleTime: 30_000 } } }),
  );
  const [trpcClient] = useState(() => createClient());
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <RouterProvider router={router} />
        </TRPCProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}
