import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Status } from '@pm/core';
import { StatusBadge } from '../../components/StatusBadge';
import { useI18n } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { num, when } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { useCurrentDistrict } from '../districts/DistrictLayout';
import type { EvaluationItem, EvaluationView } from './types';

const STATUSES: Status[] = [
  'achieved',
  'on_track',
  'lagging',
  'seriously_lagging',
  'awaiting_target',
  'no_data',
  'not_assessed',
];

interface Props {
  item: EvaluationItem;
  view: EvaluationView;
  canWrite: boolean;
}

/** One indicator of a round: what the engine computed, and the reviewer's conclusion. */
export function ReviewItem({ item, view, canWrite }: Props) {
  const { t, locale } = useI18n();
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
        <span className={`tag tag-${item.attribute}`}>{t(`attribute.${item.attribute}`)}</span>
        {item.demo && <span className="demo-tag">{t('scorecard.demo')}</span>}
        <span className={`review-state review-state-${state}`}>
          {t(`evaluation.item.${state}`)}
        </span>
      </div>
      <div className="review-body">
        <div>
          <span className="muted small block">{t('evaluation.col.computed')}</span>
          <StatusBadge status={c.status} />{' '}
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
        </div>
        {canWrite ? (
          <div>
            <ReviewForm item={item} view={view} labelId={`${id}-name`} />
            {item.review && <ReviewedBy review={item.review} />}
          </div>
        ) : (
          <Conclusion item={item} />
        )}
      </div>
    </li>
  );
}

type Review = NonNullable<EvaluationItem['review']>;

/** Who reviewed, when, and what the engine had said. */
function ReviewedBy({ review: r }: { review: Review }) {
  const { t, locale } = useI18n();
  return (
    <span className="muted small block">
      {r.decision === 'overridden'
        ? t('evaluation.item.overriddenBy', {
            by: r.reviewedBy,
            date: when(r.reviewedAt, locale),
            status: t(`status.${r.computedStatus}`),
          })
        : t('evaluation.item.confirmedBy', { by: r.reviewedBy, date: when(r.reviewedAt, locale) })}
    </span>
  );
}

function Conclusion({ item }: { item: EvaluationItem }) {
  const { t } = useI18n();
  const r = item.review;
  return (
    <div>
      <span className="muted small block">{t('evaluation.col.review')}</span>
      <StatusBadge status={item.finalStatus} />
      {r && <ReviewedBy review={r} />}
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
  const district = useCurrentDistrict();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const computed = item.computed.status;
  const kept = item.review && !item.stale ? item.review : null;
  const [status, setStatus] = useState<Status>(kept?.finalStatus ?? computed);
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
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
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
