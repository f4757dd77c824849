import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { EntryGrid } from '@pm/core';
import { useI18n } from '../../i18n';
import { useTRPC } from '../../lib/trpc';
import { cellsOf } from './cells';
import { AskReason, reviewFailure, useRefreshValues } from './ReviewGrid';

/**
 * The reviewer's actions on a whole year: approve every submitted figure shown, or return them
 * all. Both name the figures at the versions shown; when any changed since, nothing is done, the
 * grid is reloaded and the message names them.
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
  const approve = useMutation(
    trpc.values.approve.mutationOptions({
      onSuccess: () => void refresh(),
      onError: () => void refresh(),
    }),
  );
  const giveBack = useMutation(
    trpc.values.return.mutationOptions({
      onSuccess: () => void refresh().then(() => setReturning(false)),
      onError: () => void refresh(),
    }),
  );
  const shown = cellsOf(grid)
    .filter((c) => c!.stored!.state === 'submitted')
    .map((c) => ({ id: c!.stored!.id, version: c!.stored!.version }));
  const submitted = shown.length;
  const failed = approve.error ?? giveBack.error;
  return (
    <div className="entry-actions">
      <p className="entry-save">{t('entry.review.waiting', { count: submitted })}</p>
      <button
        type="button"
        className="primary"
        disabled={submitted === 0 || approve.isPending}
        onClick={() => approve.mutate({ district, period, cells: shown })}
      >
        {t('entry.review.approveYear', { count: submitted })}
      </button>
      <button type="button" disabled={submitted === 0} onClick={() => setReturning(true)}>
        {t('entry.review.returnYear')}
      </button>
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
