import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@pm/api';
import {
  comparatorInForce,
  DEMO_SOURCE,
  type Comparator,
  type EntryCell,
  type EntryRow,
  type Target,
} from '@pm/core';
import { ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n';
import { useEscapeClose } from '../../lib/escape';
import { useTRPC } from '../../lib/trpc';
import { useWords } from '../../i18n/words';
import { comparatorText, figure } from './cells';

/** Every change of a row's figures of the year: who, when, from what to what, and why. */
export function HistoryPanel({
  district,
  period,
  year,
  row,
  onClose,
}: {
  district: string;
  period: string;
  year: number;
  row: EntryRow;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  const close = useEscapeClose(onClose, panel, row);
  useEffect(() => heading.current?.focus(), [row]);
  const cells = [row.actual, row.assigned].filter((c): c is EntryCell => Boolean(c?.stored));
  const deletions = useQuery(
    trpc.values.deletions.queryOptions({ district, period, seq: row.indicator.seq, year }),
  );
  const removed = deletions.data ?? [];
  return (
    <aside className="entry-history" aria-labelledby="entry-history-title" ref={panel}>
      <div className="entry-history-head">
        <h2 id="entry-history-title" ref={heading} tabIndex={-1}>
          {t('entry.historyTitle', { name: row.indicator.name, year })}
        </h2>
        <button type="button" onClick={close}>
          {t('entry.close')}
        </button>
      </div>
      {cells.length === 0 && removed.length === 0 && !deletions.isError ? (
        <p>{t('entry.historyEmpty')}</p>
      ) : (
        cells.map((cell) => (
          <HistoryList
            key={cell.kind}
            district={district}
            period={period}
            id={cell.stored!.id}
            target={cell.kind === 'assigned_target' ? row.indicator.target : null}
            label={
              cell.kind === 'actual' ? t('entry.col.actual', { year }) : t('entry.col.assigned')
            }
          />
        ))
      )}
      {deletions.isError ? (
        <ErrorState error={deletions.error} onRetry={() => void deletions.refetch()} />
      ) : (
        removed.length > 0 && <Deletions deletions={removed} row={row} year={year} />
      )}
    </aside>
  );
}

type Deletion = inferRouterOutputs<AppRouter>['values']['deletions'][number];

/** Figures of the row's year taken back (drafts withdrawn): the record keeps who, when and what. */
function Deletions({
  deletions,
  row,
  year,
}: {
  deletions: readonly Deletion[];
  row: EntryRow;
  year: number;
}) {
  const { t, locale } = useI18n();
  const shown = (d: Deletion) =>
    d.kind === 'assigned_target'
      ? `${comparatorText(comparatorInForce(row.indicator.target, d.comparator), locale)} ${figure(d.value)}`
      : figure(d.value);
  return (
    <section>
      <h3>{t('entry.deletions')}</h3>
      <ol className="entry-history-list">
        {deletions.map((d) => (
          <li key={d.id}>
            <div>
              <time dateTime={d.deletedAt}>{new Date(d.deletedAt).toLocaleString(locale)}</time> ·{' '}
              {d.deletedBy}
            </div>
            <div>
              {t('entry.deleted', {
                what:
                  d.kind === 'actual' ? t('entry.col.actual', { year }) : t('entry.col.assigned'),
                value: shown(d),
                count: d.history.length,
              })}
            </div>
            {d.reason && (
              <div className="entry-history-reason">{t('entry.because', { reason: d.reason })}</div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function HistoryList({
  district,
  period,
  id,
  label,
  target,
}: {
  district: string;
  period: string;
  id: number;
  label: string;
  /** An assigned target's indicator target: its figures are shown with their comparator. */
  target: Target | null;
}) {
  const { t, locale } = useI18n();
  const words = useWords();
  const trpc = useTRPC();
  const history = useQuery(trpc.values.history.queryOptions({ district, period, id }));
  const shown = (value: number | null, comparator: Comparator | null) =>
    target && value !== null
      ? `${comparatorText(comparatorInForce(target, comparator), locale)} ${figure(value)}`
      : figure(value);
  if (history.isPending) return <Loading />;
  if (history.isError)
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <section>
      <h3>{label}</h3>
      <ol className="entry-history-list">
        {history.data.entries.map((e) => (
          <li key={e.version}>
            <div>
              <time dateTime={e.changedAt}>{new Date(e.changedAt).toLocaleString(locale)}</time> ·{' '}
              {e.changedBy === DEMO_SOURCE ? t('entry.demo') : e.changedBy}
            </div>
            <div>
              {shown(e.oldValue, e.oldComparator) === shown(e.newValue, e.newComparator)
                ? shown(e.newValue, e.newComparator)
                : t('entry.changedFigure', {
                    from: shown(e.oldValue, e.oldComparator),
                    to: shown(e.newValue, e.newComparator),
                  })}{' '}
              ·{' '}
              {e.oldState && e.oldState !== e.newState
                ? t('entry.changedState', {
                    from: words.valueState(e.oldState),
                    to: words.valueState(e.newState),
                  })
                : words.valueState(e.newState)}
            </div>
            {e.reason && e.reason !== DEMO_SOURCE && (
              <div className="entry-history-reason">{t('entry.because', { reason: e.reason })}</div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
