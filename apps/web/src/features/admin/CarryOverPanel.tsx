import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { parsePeriod, signedPct } from '@pm/core';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n';
import { useDistricts } from '../../lib/district';
import { errorMessage } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import './carry-over.css';

type Proposals = inferOutput<ReturnType<typeof useTRPC>['carryOver']['proposals']>;
type Row = Proposals['rows'][number];

/** A district plan to carry figures into: `period` is its key, "2026-2030". */
export interface CarryOverTarget {
  district: string;
  period: string;
}

const figure = (x: number | null) => (x === null ? '' : String(x));
const targetYearOf = (period: string) => parsePeriod(period)?.targetYear ?? 0;

/**
 * 承接上期基数: choose a district plan that follows another (`focus`: the plan just imported),
 * review the proposals, match indicators by hand, tick those to carry over and apply them.
 */
export function CarryOverPanel({ focus }: { focus?: CarryOverTarget | null }) {
  const { t } = useI18n();
  const districts = useDistricts();
  const [chosen, setChosen] = useState<CarryOverTarget | null>(null);
  // Every plan of a district but its first may follow another; the server says which does.
  const targets = (districts.data ?? []).flatMap((d) =>
    [...d.periods]
      .sort((a, b) => targetYearOf(a.period) - targetYearOf(b.period))
      .slice(1)
      .map((p) => ({ district: d.code, name: d.name, period: p.period, label: p.label })),
  );
  const found =
    [chosen, focus].find((c) =>
      targets.some((x) => x.district === c?.district && x.period === c?.period),
    ) ?? targets[targets.length - 1];
  const current = found ? { district: found.district, period: found.period } : null;
  const key = (c: CarryOverTarget) => `${c.district}/${c.period}`;

  return (
    <section className="card carry-over" aria-labelledby="carry-over-title">
      <h2 id="carry-over-title">{t('carryOver.title')}</h2>
      <p className="intro">{t('carryOver.intro')}</p>
      {districts.isPending ? (
        <Loading />
      ) : districts.isError ? (
        <ErrorState error={districts.error} onRetry={() => void districts.refetch()} />
      ) : !current ? (
        <p>{t('carryOver.none')}</p>
      ) : (
        <>
          <label className="carry-over-target">
            {t('carryOver.plan')}
            <select
              value={key(current)}
              onChange={(e) => {
                const [district = '', period = ''] = e.target.value.split('/');
                setChosen({ district, period });
              }}
            >
              {targets.map((x) => (
                <option key={key(x)} value={key(x)}>
                  {x.name}（{x.district}）{x.label}
                </option>
              ))}
            </select>
          </label>
          <Proposals key={key(current)} target={current} />
        </>
      )}
    </section>
  );
}

function Proposals({ target }: { target: CarryOverTarget }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [matches, setMatches] = useState<Map<number, number | null>>(new Map());
  const [unticked, setUnticked] = useState<Set<number>>(new Set());
  const [overwrite, setOverwrite] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const input = {
    ...target,
    matches: [...matches].map(([seq, previousSeq]) => ({ seq, previousSeq })),
  };
  const proposals = useQuery(
    trpc.carryOver.proposals.queryOptions(input, { placeholderData: keepPreviousData }),
  );
  const accept = useMutation(
    trpc.carryOver.accept.mutationOptions({
      onSuccess: (r) => {
        setNotice(
          t('carryOver.applied', { count: r.applied.length, year: r.year, plan: r.plan.label }),
        );
        setOverwrite(false);
        void queryClient.invalidateQueries();
      },
    }),
  );

  if (proposals.isPending) return <Loading />;
  if (proposals.isError)
    return <ErrorState error={proposals.error} onRetry={() => void proposals.refetch()} />;
  const data = proposals.data;
  if (!data.previous)
    return <EmptyState title={t('carryOver.noPrevious', { plan: data.plan.label })} />;
  if (data.rows.length === 0) return <EmptyState title={t('carryOver.noIndicators')} />;

  const pickable = (r: Row) => r.action === 'apply' && r.stored?.state !== 'approved';
  const ticked = data.rows.filter((r) => pickable(r) && !unticked.has(r.seq));
  const replacing = ticked.filter((r) => r.stored).length;
  const words = (r: Row) => (locale === 'en' ? r.words.en : r.words.zh);
  const match = (seq: number, value: string) => {
    setNotice(null);
    accept.reset();
    setMatches(new Map(matches).set(seq, value === '' ? null : Number(value)));
  };
  const tick = (seq: number, on: boolean) => {
    const next = new Set(unticked);
    if (on) next.delete(seq);
    else next.add(seq);
    setUnticked(next);
  };
  const apply = () => {
    setNotice(null);
    accept.mutate({
      ...target,
      items: ticked.map((r) => ({ seq: r.seq, previousSeq: r.match!.seq })),
      overwrite: replacing > 0 && overwrite,
    });
  };

  return (
    <>
      <p>
        {t('carryOver.from', {
          previous: data.previous.label,
          plan: data.plan.label,
          year: data.year,
        })}
      </p>
      <div className="table-wrap">
        <table className="table carry-over-table">
          <thead>
            <tr>
              <th scope="col">{t('carryOver.col.pick')}</th>
              <th scope="col">{t('carryOver.col.indicator')}</th>
              <th scope="col">{t('carryOver.col.previous')}</th>
              <th scope="col" className="num">
                {t('carryOver.col.printed')}
              </th>
              <th scope="col" className="num">
                {t('carryOver.col.figure', { year: data.year })}
              </th>
              <th scope="col" className="num">
                {t('carryOver.col.difference')}
              </th>
              <th scope="col">{t('carryOver.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.seq} className={r.action === 'disagree' ? 'disagree' : undefined}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('carryOver.pickOf', { name: r.name })}
                    checked={pickable(r) && !unticked.has(r.seq)}
                    disabled={!pickable(r) || accept.isPending}
                    title={
                      r.action === 'apply' && !pickable(r) ? t('carryOver.lockedRow') : undefined
                    }
                    onChange={(e) => tick(r.seq, e.target.checked)}
                  />
                </td>
                <th scope="row">
                  {r.seq} {r.name}
                  {r.unit && <small>（{r.unit}）</small>}
                </th>
                <td>
                  <select
                    aria-label={t('carryOver.matchOf', { name: r.name })}
                    value={r.match ? String(r.match.seq) : ''}
                    disabled={accept.isPending}
                    onChange={(e) => match(r.seq, e.target.value)}
                  >
                    <option value="">{t('carryOver.noMatch')}</option>
                    {data.previousIndicators.map((p) => (
                      <option key={p.seq} value={p.seq}>
                        {p.seq} {p.name}
                        {p.unit ? `（${p.unit}）` : ''}
                      </option>
                    ))}
                  </select>
                  {r.how === 'manual' && <small className="tag">{t('carryOver.manual')}</small>}
                </td>
                <td className="num">{figure(r.printedBaseline)}</td>
                <td className="num">{figure(r.previousFigure)}</td>
                <td className="num">{r.difference === null ? '' : signedPct(r.difference)}</td>
                <td>
                  {r.action === 'disagree' && (
                    <strong className="tag warn">{t('carryOver.disagree')}</strong>
                  )}
                  {words(r)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {replacing > 0 && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={overwrite}
            onChange={(e) => setOverwrite(e.target.checked)}
          />
          {t('carryOver.overwrite', { year: data.year, count: replacing })}
        </label>
      )}
      <p>
        {ticked.length === 0 ? (
          t('carryOver.nothing')
        ) : (
          <button type="button" className="primary" disabled={accept.isPending} onClick={apply}>
            {t('carryOver.apply', { count: ticked.length })}
          </button>
        )}
      </p>
      {accept.isPending && <Loading />}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {accept.isError && (
        <p className="form-error" role="alert">
          {errorMessage(accept.error, t)}
        </p>
      )}
    </>
  );
}
