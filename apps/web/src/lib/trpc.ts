import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@pm/api';
import { MAX_BATCH_PROCEDURES } from '@pm/core';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * Batches of at most the server's cap; signing in always alone, as the server requires (a batch
 * could otherwise join it to another mutation sent in the same tick).
 */
export function createClient(url = '/trpc') {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.path === 'auth.signIn',
        true: httpLink({ url }),
        false: httpBatchLink({ url, maxItems: MAX_BATCH_PROCEDURES }),
      }),
    ],
  });
}
