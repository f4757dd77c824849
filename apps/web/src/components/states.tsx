import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { canRetry, errorKind, errorMessage } from '../lib/errors';

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

/**
 * The error's message in the reader's language; `children` offer a way on (a link elsewhere).
 * A refusal of the person's role or scope offers no retry: trying again cannot change it.
 */
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
      <h2>{t(errorKind(error) === 'forbidden' ? 'state.forbidden.title' : 'state.error.title')}</h2>
      <p>{errorMessage(error, t)}</p>
      {onRetry && canRetry(error) && (
        <button type="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
      {children}
    </section>
  );
}

/** A page or part the person's role may not use: said plainly, with nothing to fill in or retry. */
export function NotAllowed({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="state state-error" role="alert">
      <h2>{t('state.forbidden.title')}</h2>
      <p>{children}</p>
    </section>
  );
}
