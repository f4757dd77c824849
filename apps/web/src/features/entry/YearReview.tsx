import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { EntryGrid } from '@pm/core';
import { Dismissable } from '../../components/Dismissable';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../lib/trpc';
import { cellsOf } from './cells';
import { AskReason, changeText, flagged, reviewFailure, useRefreshValues } from './ReviewGrid';

/**
 * The reviewer's actions on a whole year: approve every submitted figure shown, or return them
 * all. Both name the figures at the versions shown; when any changed since, nothing is done, the
 * grid is reloaded and the message names them. Approving all while some figures are unusual first
 * lists those for an explicit choice: approve all, only the usual ones, or nothing.
 */
export function YearReview({
  grid,
  district,
  period,
}: {
  grid: EntryGrid;
  district: string;
  period: string;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshValues();
  const [returning, setReturning] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const approve = useMutation(
    trpc.values.approve.mutationOptions({
      onSuccess: () => void refresh().then(() => setConfirming(false)),
      onError: () => void refresh().then(() => setConfirming(false)),
    }),
  );
  const giveBack = useMutation(
    trpc.values.return.mutationOptions({
      onSuccess: () => void refresh().then(() => setReturning(false)),
      onError: () => void refresh(),
    }),
  );
  const rows = grid.groups.flatMap((g) => g.rows);
  const waiting = cellsOf(grid).filter((c) => c!.stored!.state === 'submitted');
  const refOf = (c: (typeof waiting)[number]) => ({
    id: c!.stored!.id,
    version: c!.stored!.version,
  });
  const shown = waiting.map(refOf);
  const unusual = waiting.filter(flagged);
  const usual = waiting.filter((c) => !flagged(c)).map(refOf);
  const submitted = shown.length;
  const nameOf = (cell: (typeof waiting)[number]) => {
    const row = rows.find((r) => r.actual === cell || r.assigned === cell)!;
    return cell!.kind === 'actual'
      ? `${row.indicator.name} ${t('entry.col.actual', { year: grid.year })}`
      : `${row.indicator.name} ${t('entry.col.assigned')}`;
  };
  const approveAll = () =>
    unusual.length > 0 ? setConfirming(true) : approve.mutate({ district, period, cells: shown });
  const failed = approve.error ?? giveBack.error;
  return (
    <div className="entry-actions">
      <p className="entry-save">{t('entry.review.waiting', { count: submitted })}</p>
      <button
        type="button"
        className="primary"
        disabled={submitted === 0 || approve.isPending}
        onClick={approveAll}
      >
        {t('entry.review.approveYear', { count: submitted })}
      </button>
      <button type="button" disabled={submitted === 0} onClick={() => setReturning(true)}>
        {t('entry.review.returnYear')}
      </button>
      {confirming && (
        <Dismissable
          className="entry-confirm-dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby="entry-flagged-title"
          onClose={() => setConfirming(false)}
        >
          {(cancel) => (
            <>
              <h2 id="entry-flagged-title">
                {t('entry.review.flaggedTitle', { count: unusual.length })}
              </h2>
              <ul>
                {unusual.map((c) => (
                  <li key={c!.stored!.id}>
                    <strong>{nameOf(c)}</strong> <span className="num">{c!.stored!.value}</span>{' '}
                    {changeText(c!, t, locale)}
                    {' · '}
                    {c!.reason
                      ? t('entry.evidence.reason', { reason: c!.reason })
                      : t('entry.evidence.noReason')}
                  </li>
                ))}
              </ul>
              <div className="actions">
                <button
                  type="button"
                  disabled={approve.isPending}
                  onClick={() => approve.mutate({ district, period, cells: shown })}
                >
                  {t('entry.review.approveAll', { count: submitted })}
                </button>
                <button
                  type="button"
                  className="primary"
                  disabled={approve.isPending || usual.length === 0}
                  onClick={() => approve.mutate({ district, period, cells: usual })}
                >
                  {t('entry.review.approveUnflagged', { count: usual.length })}
                </button>
                <button type="button" autoFocus onClick={cancel}>
                  {t('entry.cancel')}
                </button>
              </div>
            </>
          )}
        </Dismissable>
      )}
      {returning && (
        <AskReason
          label={t('entry.returnComment')}
          submit={t('entry.returnConfirm')}
          busy={giveBack.isPending}
          onSubmit={(comment) => giveBack.mutate({ district, period, cells: shown, comment })}
          onCancel={() => setReturning(false)}
        />
      )}
      {failed && (
        <p className="form-error" role="alert">
          {reviewFailure(failed, grid, t, locale)}
        </p>
      )}
    </div>
  );
}
