import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@pm/api';
import { planTarget, type Indicator, type PlanPeriod, type Words } from '@pm/core';
import { RevisionHistory } from '../../components/RevisionNote';
import { useI18n, type MessageKey } from '../../i18n';
import { langOf } from '../../i18n/words';
import { useMe } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import './revise.css';

type Field = 'fromYear' | 'text' | 'document' | 'reason';

/** The field a refusal of the server is about: named in its parameters, or by its key. */
function fieldOf(error: unknown): Field | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data = (error as TRPCClientError<AppRouter>).data;
  const key = data?.messageKey ?? '';
  if (key === 'plan.yearOutside' || key === 'revisions.yearOutside') return 'fromYear';
  const field = data?.params?.field;
  return field === 'text' || field === 'document' || field === 'reason' ? field : null;
}

const MISSING: Record<Exclude<Field, 'fromYear'>, MessageKey> = {
  text: 'revisions.textMissing',
  document: 'revisions.documentMissing',
  reason: 'revisions.reasonMissing',
};

/** The years a revision may take effect in: B+1..Y. */
const yearsOf = (plan: Pick<PlanPeriod, 'baselineYear' | 'targetYear'>) =>
  Array.from({ length: plan.targetYear - plan.baselineYear }, (_, i) => plan.baselineYear + 1 + i);

export interface ReviseTargetProps {
  district: string;
  period: string;
  indicator: Indicator;
  plan: Pick<PlanPeriod, 'baselineYear' | 'targetYear'>;
  /** The year the page shows: the form proposes the year after it. */
  year: number;
}

/**
 * 调整目标 (spec §6), for an administrator: from which year, the target as the document prints
 * it, the document and the reason. The server reads the target with the plan's parser; what it
 * refuses is shown at the field it is about.
 */
export function ReviseTarget({ district, period, indicator, plan, year }: ReviseTargetProps) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const years = yearsOf(plan);
  const proposed = Math.min(plan.targetYear, Math.max(plan.baselineYear + 1, year + 1));
  const [open, setOpen] = useState(false);
  const [fromYear, setFromYear] = useState(proposed);
  const [text, setText] = useState('');
  const [decision, setDecision] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<Exclude<Field, 'fromYear'> | null>(null);
  const [saved, setSaved] = useState<Words | null>(null);
  const revise = useMutation(
    trpc.plans.reviseTarget.mutationOptions({
      onSuccess: async (made) => {
        setSaved(made.words);
        setOpen(false);
        setText('');
        setReason('');
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.scorecard.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.plans.events.queryKey() }),
        ]);
      },
    }),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const values = { text, document: decision, reason };
    const blank = (['text', 'document', 'reason'] as const).find((f) => values[f].trim() === '');
    setMissing(blank ?? null);
    if (blank) return revise.reset();
    revise.mutate({
      district,
      period,
      seq: indicator.seq,
      fromYear,
      text,
      document: decision,
      reason,
    });
  };

  /** A field typed in no longer says it is missing. */
  const edit =
    (field: Exclude<Field, 'fromYear'>, set: (value: string) => void) => (value: string) => {
      set(value);
      if (missing === field) setMissing(null);
    };
  const serverField = revise.isError ? fieldOf(revise.error) : null;
  const problemAt = (field: Field): string | null => {
    if (missing !== null && missing === field) return t(MISSING[missing]);
    if (!missing && revise.isError && serverField === field) return errorMessage(revise.error, t);
    return null;
  };
  const formProblem =
    !missing && revise.isError && serverField === null ? errorMessage(revise.error, t) : null;
  const fieldProps = (field: Field) => {
    const problem = problemAt(field);
    return {
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': problem ? `revise-${field}-error` : undefined,
    };
  };
  const problemText = (field: Field) => {
    const problem = problemAt(field);
    return problem ? (
      <small id={`revise-${field}-error`} className="field-error" role="alert">
        {problem}
      </small>
    ) : null;
  };

  if (!open)
    return (
      <div className="revise">
        {saved && (
          <p className="notice" role="status">
            {t('revise.saved', { note: saved[langOf(locale)] })}
          </p>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setSaved(null);
            revise.reset();
            setOpen(true);
          }}
        >
          {t('revise.open')}
        </button>
      </div>
    );

  return (
    <form className="revise form-grid" onSubmit={submit} noValidate aria-label={t('revise.title')}>
      <p className="muted revise-wide">{t('revise.intro')}</p>
      <label>
        {t('revise.fromYear')}
        <select
          name="fromYear"
          value={fromYear}
          onChange={(e) => setFromYear(Number(e.target.value))}
          {...fieldProps('fromYear')}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        {problemText('fromYear')}
      </label>
      <label>
        {t('revise.text')}
        <input
          name="text"
          value={text}
          placeholder={planTarget(indicator.raw) ?? ''}
          onChange={(e) => edit('text', setText)(e.target.value)}
          {...fieldProps('text')}
        />
        <small>{t('revise.textHint', { original: planTarget(indicator.raw) ?? '—' })}</small>
        {problemText('text')}
      </label>
      <label className="revise-wide">
        {t('revise.document')}
        <input
          name="document"
          value={decision}
          placeholder={t('revise.documentHint')}
          onChange={(e) => edit('document', setDecision)(e.target.value)}
          {...fieldProps('document')}
        />
        {problemText('document')}
      </label>
      <label className="revise-wide">
        {t('revise.reason')}
        <textarea
          name="reason"
          rows={2}
          value={reason}
          onChange={(e) => edit('reason', setReason)(e.target.value)}
          {...fieldProps('reason')}
        />
        {problemText('reason')}
      </label>
      {formProblem && (
        <p className="form-error revise-wide" role="alert">
          {formProblem}
        </p>
      )}
      <div className="revise-wide actions">
        <button type="submit" className="primary" disabled={revise.isPending}>
          {revise.isPending ? t('revise.submitting') : t('revise.submit')}
        </button>{' '}
        <button type="button" onClick={() => setOpen(false)}>
          {t('revise.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The indicator page's 目标调整记录: every revision with who and when, for everyone; the form
 * to revise, for an administrator. Nothing for others when the target was never revised.
 */
export function TargetRevisions(props: ReviseTargetProps) {
  const { t } = useI18n();
  const me = useMe();
  const admin = me.data?.role === 'admin';
  if (!admin && props.indicator.revisions.length === 0) return null;
  return (
    <section className="card" aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('revisions.title')}</h2>
      <RevisionHistory indicator={props.indicator} year={props.year} />
      {admin && <ReviseTarget {...props} />}
    </section>
  );
}
