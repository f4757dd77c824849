import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { errorMessage } from '../lib/errors';

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('state.loading')}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="state state-empty">
      <h2>{title}</h2>
      {children && <p>{children}</p>}
    </section>
  );
}

/** The error's message in the reader's language; `children` offer a way on (a link elsewhere). */
export function ErrorState({
  error,
  onRetry,
  children,
}: {
  error: unknown;
  onRetry?: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="state state-error" role="alert">
      <h2>{t('state.error.title')}</h2>
      <p>{errorMessage(error, t)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
      {children}
    </section>
  );
}
