import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ProgressBar } from '../../components/ProgressBar';
import { STATUS_ICON } from '../../components/statusIcon';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n';
import { useWords } from '../../i18n/words';
import { pct } from '../../lib/format';
import { listedStatuses, phasesAcross, type Grading } from '../../lib/grades';
import { planLabel, PERIOD_PARAM, withPeriod, yearParam } from '../../lib/period';
import { useTRPC } from '../../lib/trpc';
import { planYears, yearLabel } from '../scorecard/params';
import { shareOnTrackLabel } from '../scorecard/summaryWords';
import type { League, LeagueRow } from '../scorecard/types';
import { PeriodSwitcher } from './PeriodSwitcher';
import './league.css';

type SortKey = 'code' | 'share' | 'warnings' | 'completeness';
interface Sort {
  key: SortKey;
  descending: boolean;
}

const VALUE: Record<SortKey, (r: LeagueRow) => number | string | null> = {
  code: (r) => r.code,
  share: (r) => r.shareOnTrack,
  warnings: (r) => (r.byStatus ? r.bindingWarnings : null),
  completeness: (r) => r.completeness?.share ?? null,
};

/** Rows by `sort`; a district without the figure goes last either way, ties by code. */
export function sortRows(rows: readonly LeagueRow[], sort: Sort): LeagueRow[] {
  const get = VALUE[sort.key];
  return [...rows].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    if (x === null || y === null)
      return x === y ? a.code.localeCompare(b.code) : x === null ? 1 : -1;
    const order = x < y ? -1 : x > y ? 1 : 0;
    return (sort.descending ? -order : order) || a.code.localeCompare(b.code);
  });
}

/** The league is always of today's figures, so of today's rules. */
const gradingOf = (rows: readonly LeagueRow[]): Grading => ({
  rules: 'v2',
  phases: phasesAcross(rows.filter((r) => r.byStatus).map((r) => r.phases)),
});

/** What the counts column lists: the statuses of the grading, monitored-only left out. */
const counted = (grading: Grading) => listedStatuses(grading).filter((s) => s !== 'not_assessed');

const heat = (share: number | null) =>
  share === null
    ? 'none'
    : share >= 0.8
      ? 'high'
      : share >= 0.6
        ? 'good'
        : share >= 0.4
          ? 'mid'
          : 'low';

/**
 * 全部区县: the league table of the districts in scope, within one plan period (`?period=`, else
 * the server's default) at one year (`?year=`, else the server's default).
 */
export function DistrictsPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const period = params.get(PERIOD_PARAM) ?? undefined;
  const year = yearParam(params);
  const league = useQuery(trpc.scorecard.league.queryOptions({ period, year }));
  const onYear = (next: number) => {
    const p = new URLSearchParams(params);
    p.set('year', String(next));
    setParams(p, { replace: true });
  };
  return (
    <>
      <h1>{t('districts.title')}</h1>
      <p className="intro">{t('league.intro')}</p>
      {league.isPending ? (
        <Loading />
      ) : league.isError ? (
        <ErrorState error={league.error} onRetry={() => void league.refetch()}>
          {(period !== undefined || year !== undefined) && (
            <p>
              <Link to="/districts">{t('league.reset')}</Link>
            </p>
          )}
        </ErrorState>
      ) : league.data.rows.length === 0 ? (
        <EmptyState title={t('districts.empty.title')}>{t('districts.empty.body')}</EmptyState>
      ) : (
        <>
          <LeaguePeriod league={league.data} />
          <LeagueTable league={league.data} onYear={onYear} />
        </>
      )}
    </>
  );
}

/** Which period the league compares, with the switcher when the districts have plans of several. */
function LeaguePeriod({ league }: { league: League }) {
  const { t, locale } = useI18n();
  const shown = league.periods.find((p) => p.period === league.period);
  if (league.periods.length === 0) return <p className="notice">{t('league.noPeriods')}</p>;
  return (
    <div className="plan-heading">
      {league.periods.length > 1 && (
        <PeriodSwitcher plans={league.periods} current={league.period ?? undefined} />
      )}
      {shown && (
        <p className="plan-name">
          <strong>{planLabel(shown, locale)}</strong>{' '}
          <span>{t('league.periodDistricts', { count: shown.districts })}</span>
        </p>
      )}
    </div>
  );
}

interface TableProps {
  league: League;
  onYear: (year: number) => void;
}

function LeagueTable({ league, onYear }: TableProps) {
  const { t } = useI18n();
  const words = useWords();
  const [sort, setSort] = useState<Sort>({ key: 'code', descending: false });
  const rows = useMemo(() => sortRows(league.rows, sort), [league.rows, sort]);
  const grading = useMemo(() => gradingOf(league.rows), [league.rows]);
  const shareLabel = shareOnTrackLabel(grading, t, words);
  const shown = league.periods.find((p) => p.period === league.period);
  const header = (key: SortKey, label: string, numeric = true) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={numeric ? 'num' : undefined}
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          className="sort"
          onClick={() => setSort({ key, descending: active ? !sort.descending : key !== 'code' })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
        </button>
      </th>
    );
  };
  return (
    <>
      <div className="controls">
        <label className="inline-field">
          {t('league.year')}
          <select value={league.year ?? ''} onChange={(e) => onYear(Number(e.target.value))}>
            {league.year === null && <option value="">—</option>}
            {(shown ? planYears(shown) : league.years).map((y) => (
              <option key={y} value={y}>
                {t(shown ? yearLabel(shown, y) : 'scorecard.yearOption', { year: y })}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{t('league.count', { count: rows.length })}</span>
        <ul className="legend" aria-label={t('league.col.counts')}>
          {counted(grading).map((s) => (
            <li key={s} className={`mini mini-${s}`}>
              <span aria-hidden="true">{STATUS_ICON[s]}</span>{' '}
              {words.status(s, { phase: grading.phases, rules: grading.rules })}
            </li>
          ))}
        </ul>
      </div>
      <div className="table-wrap">
        <table className="table league">
          <thead>
            <tr>
              {header('code', t('league.col.district'), false)}
              <th scope="col" className="num">
                {t('league.col.year')}
              </th>
              {header('share', shareLabel)}
              <th scope="col">{t('league.col.counts')}</th>
              {header('warnings', t('league.col.warnings'))}
              {header('completeness', t('league.col.completeness'))}
              {league.categories.map((c) => (
                <th key={c} scope="col" className="heat-head">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Row
                key={r.code}
                row={r}
                period={league.period}
                categories={league.categories}
                shareLabel={shareLabel}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function StatusMinis({
  counts,
  phases,
}: {
  counts: NonNullable<LeagueRow['byStatus']>;
  phases: LeagueRow['phases'];
}) {
  const words = useWords();
  const grading: Grading = { rules: 'v2', phases };
  return (
    <ul className="minis">
      {counted(grading)
        .filter((s) => counts[s] > 0)
        .map((s) => {
          const word = words.status(s, { phase: phases });
          return (
            <li key={s} className={`mini mini-${s}`} title={word}>
              <span aria-hidden="true">{STATUS_ICON[s]}</span>
              <span className="visually-hidden">{word}</span> {counts[s]}
            </li>
          );
        })}
    </ul>
  );
}

interface RowProps {
  row: LeagueRow;
  /** The period compared: the district's page opens at its plan of it, at the year shown. */
  period: string | null;
  categories: string[];
  shareLabel: string;
}

function Row({ row: r, period, categories, shareLabel }: RowProps) {
  const { t } = useI18n();
  // A district without a plan of the period opens at its own default plan.
  const to =
    r.byStatus === null ? `/d/${r.code}` : withPeriod(`/d/${r.code}?year=${r.year}`, period);
  return (
    <tr>
      <th scope="row">
        <Link to={to} aria-label={t('districts.open', { name: r.name })}>
          {r.name}
        </Link>
        <span className="muted small block">
          {r.city} · {r.code}
          {r.demo && (
            <>
              {' '}
              <span className="demo-tag">{t('scorecard.demo')}</span>
            </>
          )}
        </span>
      </th>
      {r.byStatus === null ? (
        <td colSpan={5 + categories.length} className="muted">
          {t('league.noPlan')}
        </td>
      ) : (
        <>
          <td className="num">{r.year}</td>
          <td className="num share">
            <strong>{pct(r.shareOnTrack)}</strong>
            <ProgressBar value={r.shareOnTrack} label={`${shareLabel} ${pct(r.shareOnTrack)}`} />
          </td>
          <td>
            <StatusMinis counts={r.byStatus} phases={r.phases} />
          </td>
          <td className={`num${r.bindingWarnings > 0 ? ' bad' : ''}`}>{r.bindingWarnings}</td>
          <td className="num">{pct(r.completeness?.share)}</td>
          {categories.map((c) => {
            const cell = r.categories[c];
            const share = cell?.shareOnTrack ?? null;
            const label = cell
              ? share === null
                ? t('league.cellNone', { category: c })
                : t('league.cell', { category: c, share: pct(share), assessed: cell.assessed })
              : t('league.cellNone', { category: c });
            return (
              <td key={c} className={`heat heat-${heat(share)}`} title={label}>
                <span aria-hidden="true">{cell ? pct(share) : '·'}</span>
                <span className="visually-hidden">{label}</span>
              </td>
            );
          })}
        </>
      )}
    </tr>
  );
}
