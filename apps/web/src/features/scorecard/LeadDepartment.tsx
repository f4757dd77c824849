import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LEAD_DEPARTMENT_MAX } from '@pm/core';
import { useI18n } from '../../i18n';
import { useMe } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { when } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import './revise.css';

export interface LeadDepartmentProps {
  district: string;
  period: string;
  seq: number;
  department: string | null;
}

/**
 * 牵头单位: read by everyone; an administrator names it here. A blank or too long name is refused
 * beside the field, before anything is sent and again by the server.
 */
export function LeadDepartment(props: LeadDepartmentProps) {
  const { t } = useI18n();
  const admin = useMe().data?.role === 'admin';
  return (
    <section className="card lead-department" aria-labelledby="department-title">
      <h2 id="department-title">{t('department.label')}</h2>
      {admin ? (
        <DepartmentForm {...props} />
      ) : (
        <p>{props.department ?? t('scorecard.noDepartment')}</p>
      )}
      <LastSet {...props} />
    </section>
  );
}

/** Who named the department last, when, and what it replaced, from the plan's audit. */
function LastSet({ district, period, seq }: LeadDepartmentProps) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const events = useQuery(trpc.plans.events.queryOptions({ district, period, seq }));
  const last = events.data?.events.find((e) => e.kind === 'lead_department_set');
  if (!last) return null;
  const before = last.detail.before;
  return (
    <p className="muted small">
      {t(typeof before === 'string' ? 'department.lastSetFrom' : 'department.lastSet', {
        by: last.by,
        at: when(last.at, locale, true),
        before: typeof before === 'string' ? before : '',
      })}
    </p>
  );
}

function DepartmentForm({ district, period, seq, department }: LeadDepartmentProps) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(department ?? '');
  const [local, setLocal] = useState<string | null>(null);
  const save = useMutation(
    trpc.plans.setLeadDepartment.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.scorecard.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.plans.events.queryKey() }),
        ]);
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const typed = name.trim();
    const problem =
      typed === ''
        ? t('departments.missing')
        : typed.length > LEAD_DEPARTMENT_MAX
          ? t('departments.tooLong', { max: LEAD_DEPARTMENT_MAX, length: typed.length })
          : null;
    setLocal(problem);
    if (problem) return save.reset();
    save.mutate({ district, period, seq, leadDepartment: name });
  };
  const problem = local ?? (save.isError ? errorMessage(save.error, t) : null);
  return (
    <form className="department-form" onSubmit={submit} noValidate>
      <label>
        {t('department.edit')}
        <input
          name="leadDepartment"
          value={name}
          placeholder={t('scorecard.noDepartment')}
          onChange={(e) => {
            setName(e.target.value);
            setLocal(null);
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'department-error' : 'department-hint'}
        />
      </label>
      <button type="submit" className="primary" disabled={save.isPending}>
        {save.isPending ? t('department.saving') : t('department.save')}
      </button>
      <small id="department-hint" className="muted">
        {t('department.hint', { max: LEAD_DEPARTMENT_MAX })}
      </small>
      {problem && (
        <small id="department-error" className="field-error" role="alert">
          {problem}
        </small>
      )}
      {save.isSuccess && !problem && (
        <p className="notice" role="status">
          {t(save.data.changed ? 'department.saved' : 'department.unchanged', {
            name: save.data.leadDepartment ?? '',
          })}
        </p>
      )}
    </form>
  );
}
