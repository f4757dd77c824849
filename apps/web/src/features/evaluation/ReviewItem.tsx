import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Phase, Status } from '@pm/core';
import { RevisionNote } from '../../components/RevisionNote';
import { StatusBadge } from '../../components/StatusBadge';
import { useI18n } from '../../i18n';
import { useWords } from '../../i18n/words';
import { errorMessage } from '../../lib/errors';
import { num, when } from '../../lib/format';
import { overrideChoices } from '../../lib/grades';
import { useTRPC } from '../../lib/trpc';
import { useCurrentDistrict } from '../districts/DistrictLayout';
import type { EvaluationItem, EvaluationView } from './types';

interface Props {
  item: EvaluationItem;
  view: EvaluationView;
  canWrite: boolean;
}

/** One indicator of a round: what the engine computed, and the reviewer's conclusion. */
export function ReviewItem({ item, view, canWrite }: Props) {
  const { t, locale } = useI18n();
  const words = useWords();
  const id = useId();
  const state = item.stale ? 'stale' : item.review ? 'reviewed' : 'pending';
  const c = item.computed;
  return (
    <li
      className={`review review-${state}${item.review?.decision === 'overridden' ? ' review-overridden' : ''}`}
    >
      <div className="review-head">
        <h3 id={`${id}-name`}>
          {item.seq}. {item.name}
        </h3>
        <span className={`tag tag-${item.attribute}`}>{words.attribute(item.attribute)}</span>
        {item.demo && <span className="demo-tag">{t('scorecard.demo')}</span>}
        <span className={`review-state review-state-${state}`}>
          {t(`evaluation.item.${state}`)}
        </span>
      </div>
      <div className="review-body">
        <div>
          <span className="muted small block">{t('evaluation.col.computed')}</span>
          <StatusBadge status={c.status} phase={item.phase} rules={view.rules} />{' '}
          <span className="reason">{locale === 'en' ? c.reason.en : c.reason.zh}</span>
          <span className="muted small block">
            {t('evaluation.col.latest')}：
            {c.latestValue === null
              ? t('scorecard.noValue')
              : t('scorecard.valueInYear', {
                  value: `${num(c.latestValue, locale)}${item.unit}`,
                  year: c.latestYear ?? '',
                })}
            {item.targetText && ` · ${t('scorecard.warnings.target')}：${item.targetText}`}
          </span>
          {c.revision && <RevisionNote revision={c.revision} />}
        </div>
        {canWrite ? (
          <div>
            <ReviewForm item={item} view={view} labelId={`${id}-name`} />
            {item.review && (
              <ReviewedBy review={item.review} phase={item.phase} rules={view.rules} />
            )}
          </div>
        ) : (
          <Conclusion item={item} rules={view.rules} />
        )}
      </div>
    </li>
  );
}

type Review = NonNullable<EvaluationItem['review']>;

type Rules = EvaluationView['rules'];

/** Who reviewed, when, and what the engine had said. */
function ReviewedBy({ review: r, phase, rules }: { review: Review; phase: Phase; rules: Rules }) {
  const { t, locale } = useI18n();
  const words = useWords();
  return (
    <span className="muted small block">
      {r.decision === 'overridden'
        ? t('evaluation.item.overriddenBy', {
            by: r.reviewedBy,
            date: when(r.reviewedAt, locale),
            status: words.status(r.computedStatus, { phase, rules }),
          })
        : t('evaluation.item.confirmedBy', { by: r.reviewedBy, date: when(r.reviewedAt, locale) })}
    </span>
  );
}

function Conclusion({ item, rules }: { item: EvaluationItem; rules: Rules }) {
  const { t } = useI18n();
  const r = item.review;
  return (
    <div>
      <span className="muted small block">{t('evaluation.col.review')}</span>
      <StatusBadge status={item.finalStatus} phase={item.phase} rules={rules} />
      {r && <ReviewedBy review={r} phase={item.phase} rules={rules} />}
      {r?.reason && (
        <span className="reason">{t('evaluation.item.reasonText', { reason: r.reason })}</span>
      )}
      {r?.comment && (
        <span className="reason">{t('evaluation.item.commentText', { comment: r.comment })}</span>
      )}
    </div>
  );
}

function ReviewForm({ item, view, labelId }: Omit<Props, 'canWrite'> & { labelId: string }) {
  const { t } = useI18n();
  const words = useWords();
  const district = useCurrentDistrict();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const computed = item.computed.status;
  const kept = item.review && !item.stale ? item.review : null;
  const [status, setStatus] = useState<Status>(kept?.finalStatus ?? computed);
  const choices = overrideChoices(item.phase, view.rules, [
    computed,
    kept?.finalStatus ?? computed,
  ]);
  const [reason, setReason] = useState(kept?.reason ?? '');
  const [comment, setComment] = useState(kept?.comment ?? '');
  const [missing, setMissing] = useState(false);
  const save = useMutation(
    trpc.evaluations.review.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.evaluations.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.scorecard.pathKey() }),
        ]),
    }),
  );
  const override = status !== computed;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (override && !reason.trim()) return setMissing(true);
    setMissing(false);
    save.mutate({
      district: district.code,
      round: view.round.id,
      items: [
        override
          ? { seq: item.seq, decision: 'overridden', status, reason, comment }
          : { seq: item.seq, decision: 'confirmed', comment },
      ],
    });
  };
  return (
    <form className="review-form" onSubmit={submit} noValidate aria-labelledby={labelId}>
      <label>
        {t('evaluation.item.final')}
        <select value={status} onChange={(e) => setStatus(e.target.value as Status)}>
          {choices.map((s) => (
            <option key={s} value={s}>
              {words.status(s, { phase: item.phase, rules: view.rules })}
            </option>
          ))}
        </select>
      </label>
      {override && (
        <label>
          {t('evaluation.item.reason')}
          <textarea
            value={reason}
            rows={2}
            required
            aria-invalid={missing}
            aria-describedby={missing ? `${id}-missing` : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
      )}
      {missing && (
        <p id={`${id}-missing`} className="form-error" role="alert">
          {t('evaluation.item.reasonMissing')}
        </p>
      )}
      <label>
        {t('evaluation.item.comment')}
        <input value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <div className="review-submit">
        <button
          type="submit"
          className={override ? 'primary' : 'secondary'}
          disabled={save.isPending}
        >
          {override ? t('evaluation.item.override') : t('evaluation.item.confirm')}
        </button>
        {save.isSuccess && !save.isPending && (
          <span role="status" className="muted small">
            {t('evaluation.item.saved')}
          </span>
        )}
      </div>
      {save.isError && (
        <p className="form-error" role="alert">
          {errorMessage(save.error, t)}
        </p>
      )}
    </form>
  );
}
