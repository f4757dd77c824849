import { useMemo } from 'react';
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
import { HeatLegend } from './HeatLegend';
import {
  heatBand,
  reportingParam,
  shownRows,
  sortParam,
  sortRows,
  withReporting,
  withSort,
  type ReportingFilter,
  type Sort,
  type SortKey,
} from './leagueView';
import { PeriodSwitcher } from './PeriodSwitcher';
import './league.css';

/** The league is always of today's figures, so of today's rules. */
const gradingOf = (rows: readonly LeagueRow[]): Grading => ({
  rules: 'v2',
  phases: phasesAcross(rows.filter((r) => r.byStatus).map((r) => r.phases)),
});

/** What the counts column lists: the statuses of the grading, monitored-only left out. */
const counted = (grading: Grading) => listedStatuses(grading).filter((s) => s !== 'not_assessed');

/**
 * 全部区县: the league table of the districts in scope, within one plan period (`?period=`, else
 * the server's default) at one year (`?year=`, else the server's default), sorted (`?sort=`,
 * `?order=`) and filtered (`?show=`) as the URL says, so reload and back keep them.
 */
export function DistrictsPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const period = params.get(PERIOD_PARAM) ?? undefined;
  const year = yearParam(params);
  const league = useQuery(trpc.scorecard.league.queryOptions({ period, year }));
  const view: TableView = {
    sort: sortParam(params),
    filter: reportingParam(params),
    onYear: (next) => {
      const p = new URLSearchParams(params);
      p.set('year', String(next));
      setParams(p, { replace: true });
    },
    onSort: (sort) => setParams(withSort(params, sort), { replace: true }),
    onFilter: (filter) => setParams(withReporting(params, filter), { replace: true }),
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
          <LeagueTable league={league.data} view={view} />
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

/** The table's sort and filter (kept in the URL) and what changes them. */
interface TableView {
  sort: Sort;
  filter: ReportingFilter;
  onYear: (year: number) => void;
  onSort: (sort: Sort) => void;
  onFilter: (filter: ReportingFilter) => void;
}

function LeagueTable({ league, view }: { league: League; view: TableView }) {
  const { t } = useI18n();
  const words = useWords();
  const { sort, filter, onYear } = view;
  const rows = useMemo(
    () => sortRows(shownRows(league.rows, filter), sort),
    [league.rows, filter, sort],
  );
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
          onClick={() =>
            view.onSort({ key, descending: active ? !sort.descending : key !== 'code' })
          }
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
        <label className="inline-field">
          {t('league.filter')}
          <select value={filter} onChange={(e) => view.onFilter(e.target.value as ReportingFilter)}>
            {(['all', 'reported', 'unreported'] as const).map((f) => (
              <option key={f} value={f}>
                {t(`league.filter.${f}`)}
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
      {league.categories.length > 0 && <HeatLegend shareLabel={shareLabel} />}
      {rows.length === 0 ? (
        <p className="notice">{t('league.filterEmpty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table league">
            <thead>
              <tr>
                {header('code', t('league.col.district'), false)}
                <th scope="col" className="num">
                  {t('league.col.dataYear')}
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
      )}
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
    r.reporting === 'noPlan' ? `/d/${r.code}` : withPeriod(`/d/${r.code}?year=${r.year}`, period);
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
      {r.reporting === 'noPlan' || r.byStatus === null ? (
        <td colSpan={5 + categories.length} className="muted">
          {t('league.noPlan')}
        </td>
      ) : (
        <>
          <DataYear row={r} />
          {r.reporting === 'unreported' ? (
            <td colSpan={3}>
              <span className="unreported-tag">{t('league.unreported')}</span>{' '}
              <span className="muted small">{t('league.unreportedNote', { year: r.year! })}</span>
            </td>
          ) : (
            <>
              <td className="num share">
                <strong>{pct(r.shareOnTrack)}</strong>
                <ProgressBar
                  value={r.shareOnTrack}
                  label={`${shareLabel} ${pct(r.shareOnTrack)}`}
                />
              </td>
              <td>
                <StatusMinis counts={r.byStatus} phases={r.phases} />
              </td>
              <td className={`num${r.bindingWarnings > 0 ? ' bad' : ''}`}>{r.bindingWarnings}</td>
            </>
          )}
          <td className="num">{pct(r.completeness?.share)}</td>
          {categories.map((c) => (
            <HeatCell key={c} category={c} row={r} />
          ))}
        </>
      )}
    </tr>
  );
}

/** 数据截至: the year of the row's latest approved actuals, marked when it is behind the year. */
function DataYear({ row: r }: { row: LeagueRow }) {
  const { t } = useI18n();
  if (r.dataYear === null)
    return (
      <td className="num stale" title={t('league.unreportedNote', { year: r.year! })}>
        {t('league.dataYearNone')}
      </td>
    );
  const behind = r.dataYear !== r.year;
  return (
    <td
      className={`num${behind ? ' stale' : ''}`}
      title={
        behind ? t('league.dataYearBehind', { dataYear: r.dataYear, year: r.year! }) : undefined
      }
    >
      {t('league.dataYear', { year: r.dataYear })}
    </td>
  );
}

/** One category's share on track, coloured by its band; grey and unnumbered when 未报送. */
function HeatCell({ category: c, row: r }: { category: string; row: LeagueRow }) {
  const { t } = useI18n();
  const cell = r.categories[c];
  const share = cell?.shareOnTrack ?? null;
  const unreported = r.reporting === 'unreported';
  const label = unreported
    ? t('league.cellUnreported', { category: c })
    : cell && share !== null
      ? t('league.cell', { category: c, share: pct(share), assessed: cell.assessed })
      : t('league.cellNone', { category: c });
  const band = unreported ? 'unreported' : heatBand(share);
  return (
    <td className={`heat heat-${band}`} title={label}>
      <span aria-hidden="true">{unreported ? '—' : cell ? pct(share) : '·'}</span>
      <span className="visually-hidden">{label}</span>
    </td>
  );
}
