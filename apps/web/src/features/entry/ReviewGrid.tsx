import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@pm/api';
import { comparatorInForce, isDemo, type EntryCell, type EntryGrid, type EntryRow } from '@pm/core';
import { useI18n, type Locale, type Translate } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { useEscapeClose } from '../../lib/escape';
import { useTRPC } from '../../lib/trpc';
import {
  COLUMN_COUNT,
  comparatorText,
  DemoBadge,
  figure,
  HeadRow,
  RowHead,
  StateBadge,
} from './cells';

type Asking = { cell: EntryCell; action: 'return' | 'reopen' } | null;

/** Refetches what a review action changes: the grid and the completeness counts. */
export function useRefreshValues() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.values.grid.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.values.completeness.queryKey() }),
    ]);
}

/** A cell as a reviewer reads it: 地区生产总值 2024 年实际值. */
const cellName = (row: EntryRow, cell: EntryCell, year: number, t: Translate) =>
  `${row.indicator.name} ${cell.kind === 'actual' ? t('entry.col.actual', { year }) : t('entry.col.assigned')}`;

/**
 * What a reviewer is told when a review action is refused. Figures changed since the grid was
 * loaded (the server names their ids) are listed by indicator and column; anything else is the
 * server's message.
 */
export function reviewFailure(
  error: unknown,
  grid: EntryGrid,
  t: Translate,
  locale: Locale,
): string {
  const data = error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>).data : null;
  if (data?.messageKey !== 'values.changedSince' || !data.params) return errorMessage(error, t);
  const names = String(data.params.ids ?? '')
    .split(',')
    .map((id) => {
      for (const row of grid.groups.flatMap((g) => g.rows))
        for (const cell of [row.actual, row.assigned])
          if (cell?.stored && String(cell.stored.id) === id)
            return cellName(row, cell, grid.year, t);
      return `#${id}`;
    });
  const figures = new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  return t('values.changedSince', { ...data.params, figures });
}

/**
 * The grid as reviewers and readers see it: figures with their state. A reviewer approves or
 * returns each submitted figure, and reopens an approved one with a reason.
 */
export function ReviewGrid({
  grid,
  district,
  period,
  review,
  onHistory,
}: {
  grid: EntryGrid;
  district: string;
  period: string;
  review: boolean;
  onHistory: (row: EntryRow) => void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshValues();
  const [asking, setAsking] = useState<Asking>(null);
  const options = {
    onSuccess: () => void refresh().then(() => setAsking(null)),
    onError: () => void refresh(),
  };
  const approve = useMutation(trpc.values.approve.mutationOptions(options));
  const giveBack = useMutation(trpc.values.return.mutationOptions(options));
  const reopen = useMutation(trpc.values.reopen.mutationOptions(options));
  const failed = approve.error ?? giveBack.error ?? reopen.error;
  const busy = approve.isPending || giveBack.isPending || reopen.isPending;

  const ref = (cell: EntryCell) => ({ id: cell.stored!.id, version: cell.stored!.version });
  const answer = (text: string) => {
    if (!asking) return;
    const { cell, action } = asking;
    if (action === 'return')
      giveBack.mutate({ district, period, cells: [ref(cell)], comment: text });
    else reopen.mutate({ district, period, ...ref(cell), reason: text });
  };

  const actions = (row: EntryRow, cell: EntryCell | null) => {
    const state = cell?.stored?.state;
    if (!review || !cell || (state !== 'submitted' && state !== 'approved')) return null;
    const what = cellName(row, cell, grid.year, t);
    if (state === 'approved')
      return (
        <button
          type="button"
          className="entry-link"
          disabled={busy}
          aria-label={t('entry.reopenOf', { what })}
          onClick={() => setAsking({ cell, action: 'reopen' })}
        >
          {t('entry.reopen')}
        </button>
      );
    return (
      <>
        <button
          type="button"
          className="entry-approve"
          disabled={busy}
          aria-label={t('entry.approveOf', { what })}
          onClick={() => approve.mutate({ district, period, cells: [ref(cell)] })}
        >
          {t('entry.approve')}
        </button>
        <button
          type="button"
          className="entry-link"
          disabled={busy}
          aria-label={t('entry.returnOf', { what })}
          onClick={() => setAsking({ cell, action: 'return' })}
        >
          {t('entry.return')}
        </button>
      </>
    );
  };

  /** An assigned target with its comparator in force: 不低于 70. */
  const comparator = (row: EntryRow, cell: EntryCell) =>
    cell.kind === 'assigned_target' && cell.stored ? (
      <span className="entry-comparator-text">
        {comparatorText(comparatorInForce(row.indicator.target, cell.stored.comparator), locale)}
      </span>
    ) : null;

  const value = (row: EntryRow, cell: EntryCell | null) =>
    cell ? (
      <span className="entry-value">
        {comparator(row, cell)}
        <span className="num">{figure(cell.stored?.value)}</span>
        <DemoBadge value={cell.stored} />
        {actions(row, cell)}
        <Evidence cell={cell} what={cellName(row, cell, grid.year, t)} />
      </span>
    ) : (
      <span className="entry-none">—</span>
    );

  return (
    <>
      {failed && (
        <p className="form-error" role="alert">
          {reviewFailure(failed, grid, t, locale)}
        </p>
      )}
      <div className="table-wrap entry-wrap">
        <table className="table entry-grid">
          <thead>
            <HeadRow year={grid.year} actions />
          </thead>
          {grid.groups.map((group) => (
            <tbody key={group.category}>
              <tr className="entry-group">
                <th colSpan={COLUMN_COUNT} scope="rowgroup">
                  {group.category}
                </th>
              </tr>
              {group.rows.map((row) => [
                <tr key={row.indicator.seq}>
                  <RowHead row={row} />
                  <td>{value(row, row.actual)}</td>
                  <td>{value(row, row.assigned)}</td>
                  <td>
                    {row.actual?.stored?.source && !isDemo(row.actual.stored)
                      ? row.actual.stored.source
                      : '—'}
                  </td>
                  <td className="entry-note-text">{row.actual?.stored?.note ?? '—'}</td>
                  <td className="entry-states">
                    <StateBadge value={row.actual?.stored} />
                    {row.assigned?.stored && (
                      <span className="entry-state">
                        <small>{t('entry.targetShort')}</small>
                        <StateBadge value={row.assigned.stored} />
                      </span>
                    )}
                  </td>
                  <td>
                    <button type="button" className="entry-link" onClick={() => onHistory(row)}>
                      {t('entry.history')}
                    </button>
                  </td>
                </tr>,
                asking && [row.actual, row.assigned].includes(asking.cell) ? (
                  <tr key={`${row.indicator.seq}-ask`} className="entry-notes">
                    <td colSpan={COLUMN_COUNT}>
                      <AskReason
                        label={
                          asking.action === 'return'
                            ? t('entry.returnComment')
                            : t('entry.reopenReason')
                        }
                        submit={
                          asking.action === 'return'
                            ? t('entry.returnConfirm')
                            : t('entry.reopenConfirm')
                        }
                        busy={busy}
                        onSubmit={answer}
                        onCancel={() => setAsking(null)}
                      />
                    </td>
                  </tr>
                ) : null,
              ])}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}

const signed = (x: number, locale: Locale) =>
  `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toLocaleString(locale, { maximumFractionDigits: 2 })}`;

/** The change of a stored figure from last year, in points for a %, else relative or absolute. */
export function changeText(cell: EntryCell, t: Translate, locale: Locale): string | null {
  const c = cell.change;
  if (!c) return null;
  const previous = figure(c.previous);
  const sign = (x: number) => signed(x, locale).slice(0, 1);
  const size = (x: number) => signed(x, locale).slice(1);
  if ('points' in c)
    return t('entry.evidence.points', { previous, sign: sign(c.points), points: size(c.points) });
  if (c.share !== null)
    return t('entry.evidence.share', {
      previous,
      sign: sign(c.share),
      share: size(Math.round(c.share * 1000) / 10),
    });
  return t('entry.evidence.delta', { previous, sign: sign(c.delta), delta: size(c.delta) });
}

/** Whether the plausibility check that asks officials for a reason finds something to confirm. */
export const flagged = (cell: EntryCell | null | undefined) => (cell?.concerns.length ?? 0) > 0;

/**
 * What a reviewer checks beside a figure: its change on last year, a flag where the plausibility
 * check finds it unusual, and the reason the official confirmed it by.
 */
function Evidence({ cell, what }: { cell: EntryCell; what: string }) {
  const { t, locale } = useI18n();
  if (!cell.stored) return null;
  const change = changeText(cell, t, locale);
  const flag = flagged(cell);
  if (!change && !flag && !cell.reason) return null;
  return (
    <span
      className={`entry-evidence ${flag ? 'flagged' : ''}`}
      aria-label={t('entry.evidence.label', { what })}
      role="group"
    >
      {flag && <span className="entry-badge flag">{t('entry.evidence.flagged')}</span>}
      {change && <small className="entry-change">{change}</small>}
      {cell.reason ? (
        <small className="entry-reason">
          {t('entry.evidence.reason', { reason: cell.reason })}
        </small>
      ) : (
        flag && <small className="entry-reason none">{t('entry.evidence.noReason')}</small>
      )}
    </span>
  );
}

/** A one-line form for the comment of a return or the reason of a reopen; both are required. */
export function AskReason({
  label,
  submit,
  busy,
  onSubmit,
  onCancel,
}: {
  label: string;
  submit: string;
  busy: boolean;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const cancel = useEscapeClose(onCancel, form);
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) onSubmit(text.trim());
  };
  return (
    <form className="entry-note confirm" onSubmit={send} ref={form}>
      <input
        aria-label={label}
        placeholder={label}
        value={text}
        autoFocus
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy || !text.trim()}>
        {submit}
      </button>
      <button type="button" onClick={cancel}>
        {t('entry.cancel')}
      </button>
    </form>
  );
}
