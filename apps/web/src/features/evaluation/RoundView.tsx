import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Dismissable } from '../../components/Dismissable';
import { ProgressBar } from '../../components/ProgressBar';
import { ErrorState, Loading } from '../../components/states';
import { StatusCounts } from '../../components/StatusCounts';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { when } from '../../lib/format';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { useCurrentDistrict } from '../districts/DistrictLayout';
import { saveBase64 } from './download';
import { EndSummary } from './EndSummary';
import { NarrativeEditor } from './NarrativeEditor';
import { ReviewItem } from './ReviewItem';
import type { EvaluationView, Round } from './types';

/** One round: progress, the indicators to review, finalizing and the reports. */
/** `canWrite`: reviews and finalizes (a reviewer); `canEditNarrative`: writes the report text too (reviewer, admin). */
export function RoundView({
  round,
  canWrite,
  canEditNarrative = canWrite,
}: {
  round: Round;
  canWrite: boolean;
  canEditNarrative?: boolean;
}) {
  const district = useCurrentDistrict();
  const trpc = useTRPC();
  const view = useQuery(
    trpc.evaluations.get.queryOptions({ district: district.code, round: round.id }),
  );
  if (view.isPending) return <Loading />;
  if (view.isError) return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  const open = view.data.round.status === 'open';
  return (
    <RoundBody
      view={view.data}
      canWrite={canWrite && open}
      canEditNarrative={canEditNarrative && open}
    />
  );
}

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.evaluations.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.scorecard.pathKey() }),
    ]);
}

const TITLE = {
  midterm: 'evaluation.round.midterm',
  final: 'evaluation.round.final',
  annual: 'evaluation.round.title',
} as const;

function RoundBody({
  view,
  canWrite,
  canEditNarrative,
}: {
  view: EvaluationView;
  canWrite: boolean;
  canEditNarrative: boolean;
}) {
  const { t, locale } = useI18n();
  const { round } = view;
  const title = t(TITLE[round.kind], { year: round.year, id: round.id });
  const grading = {
    rules: view.rules,
    phases: view.summary.phases,
  };
  const progress = t('evaluation.progress', { reviewed: view.reviewed, total: view.total });
  return (
    <section className="round" aria-labelledby="round-title">
      <h2 id="round-title">
        {title} · {t(`evaluation.state.${round.status}`)}
      </h2>
      <p className="muted">
        {t('evaluation.round.meta', { opened: when(round.openedAt, locale), by: round.openedBy })}
        {round.finalizedAt &&
          ` · ${t('evaluation.round.finalizedMeta', {
            date: when(round.finalizedAt, locale, true),
            by: round.finalizedBy ?? '—',
          })}`}
      </p>
      {view.demo && (
        <p className="demo-notice" role="note">
          <span className="demo-tag">{t('scorecard.demo')}</span> {t('scorecard.demoNotice')}
        </p>
      )}
      <div className="round-progress">
        <span className="round-progress-text">{progress}</span>
        <ProgressBar
          value={view.total > 0 ? view.reviewed / view.total : 0}
          label={`${t('evaluation.progressLabel')}: ${progress}`}
        />
      </div>
      <div className="round-counts">
        <span className="muted small block">{t('evaluation.counts')}</span>
        <StatusCounts counts={view.summary.byStatus} grading={grading} />
      </div>
      {round.kind === 'final' && view.rules !== 'v1' && <EndSummary view={view} />}
      {view.stale.length > 0 && round.status === 'open' && (
        <p className="notice warn" role="status">
          {t('evaluation.staleNotice', { count: view.stale.length })}
        </p>
      )}
      <Actions view={view} canWrite={canWrite} />
      <NarrativeEditor key={view.round.status} view={view} canEdit={canEditNarrative} />
      <ol className="review-list">
        {view.items.map((item) => (
          <ReviewItem
            key={`${item.seq}-${item.review?.reviewedAt ?? ''}-${item.stale}`}
            item={item}
            view={view}
            canWrite={canWrite}
          />
        ))}
      </ol>
    </section>
  );
}

function Actions({ view, canWrite }: { view: EvaluationView; canWrite: boolean }) {
  const { t } = useI18n();
  const district = useCurrentDistrict();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const refresh = useRefresh();
  const [asking, setAsking] = useState(false);
  const [downloading, setDownloading] = useState<'docx' | 'xlsx' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const target = { district: district.code, round: view.round.id };
  const confirmRest = useMutation(
    trpc.evaluations.review.mutationOptions({ onSuccess: () => refresh() }),
  );
  const finalize = useMutation(
    trpc.evaluations.finalize.mutationOptions({
      onSuccess: async () => {
        setAsking(false);
        await refresh();
      },
    }),
  );
  const download = async (format: 'docx' | 'xlsx') => {
    setDownloading(format);
    setFailure(null);
    try {
      saveBase64(await client.evaluations.export.query({ ...target, format }));
    } catch (error) {
      setFailure(error);
    } finally {
      setDownloading(null);
    }
  };
  const ready = view.pending.length === 0 && view.stale.length === 0;
  const error = failure ?? confirmRest.error ?? finalize.error;
  return (
    <div className="round-actions">
      <div className="controls">
        {canWrite && view.pending.length > 0 && (
          <button
            type="button"
            className="secondary"
            disabled={confirmRest.isPending}
            onClick={() =>
              confirmRest.mutate({
                ...target,
                items: view.pending.map((seq) => ({ seq, decision: 'confirmed' as const })),
              })
            }
          >
            {t('evaluation.confirmRest', { count: view.pending.length })}
          </button>
        )}
        {canWrite && (
          <button
            type="button"
            className="primary"
            disabled={!ready || finalize.isPending}
            aria-describedby={ready ? undefined : 'finalize-blocked'}
            onClick={() => setAsking(true)}
          >
            {t('evaluation.finalize')}
          </button>
        )}
        {(['docx', 'xlsx'] as const).map((f) => (
          <button
            key={f}
            type="button"
            className="secondary"
            disabled={downloading !== null}
            onClick={() => void download(f)}
          >
            {downloading === f ? t('evaluation.downloading') : t(`evaluation.download.${f}`)}
          </button>
        ))}
      </div>
      {canWrite && !ready && (
        <p id="finalize-blocked" className="muted small">
          {t('evaluation.finalize.blocked')}
        </p>
      )}
      {asking && (
        <Dismissable
          className="confirm"
          role="alertdialog"
          aria-labelledby="finalize-question"
          onClose={() => setAsking(false)}
        >
          {(cancel) => (
            <>
              <p id="finalize-question">{t('evaluation.finalize.confirm')}</p>
              <button
                type="button"
                className="primary"
                disabled={finalize.isPending}
                onClick={() => finalize.mutate(target)}
              >
                {t('evaluation.finalize.yes')}
              </button>{' '}
              <button type="button" className="secondary" onClick={cancel}>
                {t('evaluation.finalize.no')}
              </button>
            </>
          )}
        </Dismissable>
      )}
      {error !== null && (
        <p className="form-error" role="alert">
          {errorMessage(error, t)}
        </p>
      )}
    </div>
  );
}
