import { useState } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { I18nProvider } from '../i18n';
import { createClient, TRPCProvider } from '../lib/trpc';
import { routes } from './routes';

const statusOf = (error: unknown) =>
  error instanceof TRPCClientError
    ? (error.data as { httpStatus?: number } | undefined)?.httpStatus
    : undefined;

/** Client errors (4xx) are answers, not outages: retrying them only delays the message. */
function shouldRetry(count: number, error: unknown): boolean {
  const status = statusOf(error);
  return count < 2 && !(status && status >= 400 && status < 500);
}

export function App() {
  const [router] = useState(() => createBrowserRouter(routes));
  const [queryClient] = useState(() => {
    // A 401 anywhere but on the sign-in page means the session ended: sign in again, then come back.
    const onError = (error: unknown) => {
      const { pathname, search } = router.state.location;
      if (statusOf(error) === 401 && pathname !== '/sign-in') {
        client.clear();
        void router.navigate(`/sign-in?expired=1&next=${encodeURIComponent(pathname + search)}`, {
          replace: true,
        });
      }
    };
    const client: QueryClient = new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: { queries: { retry: shouldRetry, staleTime: 30_000 } },
    });
    return client;
  });
  const [trpcClient] = useState(() => createClient());
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
