import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, Loading } from '../../components/states';
import { useI18n } from '../../i18n';
import { useMe } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { when } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { usePeriod, type PlanRef } from '../../lib/period';
import { useCurrentDistrict } from '../districts/DistrictLayout';
import { NoPlan } from '../districts/NoPlan';
import { PageError } from '../districts/PageError';
import { planYears, yearLabel } from '../scorecard/params';
import { defaultRoundYear, KindText } from './kind';
import { RoundView } from './RoundView';
import type { Round } from './types';
import './evaluation.css';

/** 评估: evaluation rounds of a district; reviewers open, review and finalize them. */
export function EvaluationPage() {
  const { t } = useI18n();
  const district = useCurrentDistrict();
  return (
    <>
      <h1>{t('evaluation.title', { name: district.name })}</h1>
      <p className="intro">{t('evaluation.intro')}</p>
      {district.plan && district.indicatorCount > 0 ? (
        <Rounds plan={district.plan} />
      ) : (
        <NoPlan district={district} />
      )}
    </>
  );
}

/** The rounds of the plan the page is about (its period in the URL). */
function Rounds({ plan }: { plan: PlanRef }) {
  const { t } = useI18n();
  const district = useCurrentDistrict();
  const trpc = useTRPC();
  const me = useMe();
  const [params] = useSearchParams();
  const rounds = useQuery(
    trpc.evaluations.list.queryOptions({ district: district.code, period: plan.period }),
  );
  const reviewer = me.data?.role === 'reviewer';
  if (rounds.isPending) return <Loading />;
  if (rounds.isError)
    return <PageError error={rounds.error} onRetry={() => void rounds.refetch()} />;
  const list = rounds.data.rounds;
  const asked = Number(params.get('round'));
  const current =
    list.find((r) => r.id === asked) ?? list.find((r) => r.status === 'open') ?? list[0] ?? null;
  return (
    <>
      {!reviewer && <p className="notice">{t('evaluation.readOnly')}</p>}
      {reviewer && !list.some((r) => r.status === 'open') && (
        <OpenRound plan={plan} rounds={list} />
      )}
      {list.length === 0 ? (
        <EmptyState title={t('evaluation.rounds.empty')} />
      ) : (
        <RoundList rounds={list} current={current?.id ?? null} />
      )}
      {current && (
        <RoundView
          key={current.id}
          round={current}
          canWrite={reviewer}
          canEditNarrative={reviewer || me.data?.role === 'admin'}
        />
      )}
    </>
  );
}

function OpenRound({ plan, rounds }: { plan: PlanRef; rounds: Round[] }) {
  const { t } = useI18n();
  const district = useCurrentDistrict();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [year, setYear] = useState<number | null>(null);
  const open = useMutation(
    trpc.evaluations.open.mutationOptions({
      onSuccess: async (round) => {
        await queryClient.invalidateQueries({ queryKey: trpc.evaluations.list.queryKey() });
        const next = new URLSearchParams(params);
        next.set('round', String(round.id));
        setParams(next, { replace: true });
      },
    }),
  );
  const chosen = year ?? defaultRoundYear(plan, district.reportingYear);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate({ district: district.code, period: plan.period, year: chosen });
  };
  return (
    <section className="card" aria-labelledby="open-title">
      <h2 id="open-title">
        {rounds.length > 0 ? t('evaluation.open.new') : t('evaluation.open.title')}
      </h2>
      <p className="muted">{t('evaluation.open.hint')}</p>
      <form className="controls" onSubmit={submit}>
        <label className="inline-field">
          {t('evaluation.open.year')}
          <select value={chosen} onChange={(e) => setYear(Number(e.target.value))}>
            {planYears(plan).map((y) => (
              <option key={y} value={y}>
                {t(yearLabel(plan, y), { year: y })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={open.isPending}>
          {rounds.length > 0 ? t('evaluation.open.new') : t('evaluation.open.submit')}
        </button>
      </form>
      {open.isError && (
        <p className="form-error" role="alert">
          {errorMessage(open.error, t)}
        </p>
      )}
    </section>
  );
}

function RoundList({ rounds, current }: { rounds: Round[]; current: number | null }) {
  const { t, locale } = useI18n();
  const { link } = usePeriod();
  return (
    <section aria-labelledby="rounds-title">
      <h2 id="rounds-title" className="section-title">
        {t('evaluation.rounds')}
      </h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('evaluation.col.round')}</th>
              <th scope="col">{t('evaluation.col.kind')}</th>
              <th scope="col">{t('evaluation.col.year')}</th>
              <th scope="col">{t('evaluation.col.state')}</th>
              <th scope="col">{t('evaluation.col.opened')}</th>
              <th scope="col">{t('evaluation.col.finalized')}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id} aria-current={r.id === current ? 'true' : undefined}>
                <td>
                  {r.id === current ? (
                    <strong>
                      {t('evaluation.roundName', { id: r.id })} · {t('evaluation.viewing')}
                    </strong>
                  ) : (
                    <Link
                      to={link(`?round=${r.id}`)}
                      aria-label={t('evaluation.view', { id: r.id })}
                    >
                      {t('evaluation.roundName', { id: r.id })}
                    </Link>
                  )}
                </td>
                <td>
                  <KindText kind={r.kind} />
                </td>
                <td>{r.year}</td>
                <td>{t(`evaluation.state.${r.status}`)}</td>
                <td>
                  {r.openedBy} · {when(r.openedAt, locale)}
                </td>
                <td>
                  {r.finalizedAt ? `${r.finalizedBy ?? ''} · ${when(r.finalizedAt, locale)}` : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
