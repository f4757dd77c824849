import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@pm/api';
import { isMessageKey, type Translate } from '../i18n';

const dataOf = (error: TRPCClientError<AppRouter>) => error.data;

/**
 * A page's code that could not be fetched: the browsers' words for a failed `import()` (Chromium,
 * Firefox, Safari) and Vite's for a style sheet it preloads with it.
 */
const LOAD_FAILURE =
  /dynamically imported module|Importing a module script failed|Unable to preload CSS|Failed to fetch/i;

/**
 * What failed, as far as the person is concerned: the server could not be reached (`network`),
 * their role or scope does not allow it (`forbidden`), or anything else (`other`).
 */
export type ErrorKind = 'network' | 'forbidden' | 'other';

export function errorKind(error: unknown): ErrorKind {
  if (error instanceof TRPCClientError) {
    const data = dataOf(error as TRPCClientError<AppRouter>);
    if (!data) return 'network';
    return data.code === 'FORBIDDEN' || data.code === 'UNAUTHORIZED' ? 'forbidden' : 'other';
  }
  return error instanceof Error && LOAD_FAILURE.test(error.message) ? 'network' : 'other';
}

/** Whether trying again can help: not when the server has said this person may not. */
export const canRetry = (error: unknown) => errorKind(error) !== 'forbidden';

/** The message a person reads for an error, in their language, from the server's typed data. */
export function errorMessage(error: unknown, t: Translate): string {
  if (errorKind(error) === 'network') return t('state.error.network');
  if (!(error instanceof TRPCClientError)) return t('state.error.unknown');
  const data = dataOf(error as TRPCClientError<AppRouter>);
  if (!data) return t('state.error.network');
  if (data.messageKey && isMessageKey(data.messageKey))
    return t(data.messageKey, data.params ?? {});
  if (data.code === 'BAD_REQUEST') return t('error.BAD_REQUEST', { detail: error.message });
  const key = `error.${data.code}`;
  return isMessageKey(key) ? t(key) : t('state.error.unknown');
}

/** The server's message key of an error (`plan.yearOutside`), if it has one. */
export function messageKeyOf(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  return (error as TRPCClientError<AppRouter>).data?.messageKey ?? undefined;
}
