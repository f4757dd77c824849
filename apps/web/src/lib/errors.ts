import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@pm/api';
import { isMessageKey, type Translate } from '../i18n';

/** The message a person reads for an error, in their language, from the server's typed data. */
export function errorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof TRPCClientError)) return t('state.error.unknown');
  const data = (error as TRPCClientError<AppRouter>).data;
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
