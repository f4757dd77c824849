import { useState } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useI18n, type MessageKey } from '../i18n';
import { reloadPage, serverAnswers } from '../lib/connection';
import { canRetry, errorKind, errorMessage } from '../lib/errors';
import { LanguageSwitch } from './LanguageSwitch';

const TITLES: Record<ReturnType<typeof errorKind>, MessageKey> = {
  network: 'state.offline.title',
  forbidden: 'state.forbidden.title',
  other: 'state.error.title',
};

/**
 * What a route shows when its page could not be loaded or drawn (its code could not be fetched
 * with the server down, or it threw): the failure in the reader's language, 重试 where trying
 * again can help, and the way home. `standalone` when there is no shell around it.
 */
export function RouteError({ standalone = false }: { standalone?: boolean }) {
  const error = useRouteError();
  const { t } = useI18n();
  const [checking, setChecking] = useState(false);
  const [stillDown, setStillDown] = useState(false);
  const missing = isRouteErrorResponse(error) && error.status === 404;
  const kind = errorKind(error);

  const retry = async () => {
    setChecking(true);
    if (await serverAnswers()) return reloadPage();
    setStillDown(true);
    setChecking(false);
  };

  const body = (
    <section className="state state-error route-error" role="alert">
      <h1>{t(missing ? 'state.notFound.title' : TITLES[kind])}</h1>
      <p>
        {missing
          ? t('state.notFound.body')
          : kind === 'network'
            ? t('state.offline.body')
            : errorMessage(error, t)}
      </p>
      {stillDown && <p>{t('state.error.stillDown')}</p>}
      <p className="state-actions">
        {!missing && canRetry(error) && (
          <button type="button" onClick={() => void retry()} disabled={checking}>
            {t('state.retry')}
          </button>
        )}
        <Link to="/">{t('state.home')}</Link>
      </p>
    </section>
  );
  if (!standalone) return body;
  return (
    <div className="shell">
      <header className="header">
        <div className="brand">
          <span className="brand-title">{t('app.title')}</span>
          <span className="brand-subtitle">{t('app.subtitle')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main id="main" className="main">
        {body}
      </main>
    </div>
  );
}
