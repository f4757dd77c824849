import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ProgressBar } from '../../components/ProgressBar';
import { STATUS_ICON } from '../../components/statusIcon';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n';
import { useWords } from '../../i18n/words';
import { pct } from '../../lib/format';
import { listedStatuses, phasesAcross, type Grading } from '../../lib/grades';
import { useTRPC } from '../../lib/trpc';
import { shareOnTrackLabel } from '../scorecard/summaryWords';
import type { League, LeagueRow } from '../scorecard/types';
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

/** 全部区县: the league table of the districts in scope. */
export function DistrictsPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [year, setYear] = useState<number | undefined>(undefined);
  const league = useQuery(trpc.scorecard.league.queryOptions({ year }));
  return (
    <>
      <h1>{t('districts.title')}</h1>
      <p className="intro">{t('league.intro')}</p>
      {league.isPending ? (
        <Loading />
      ) : league.isError ? (
        <ErrorState error={league.error} onRetry={() => void league.refetch()} />
      ) : league.data.rows.length === 0 ? (
        <EmptyState title={t('districts.empty.title')}>{t('districts.empty.body')}</EmptyState>
      ) : (
        <LeagueTable league={league.data} year={year} onYear={setYear} />
      )}
    </>
  );
}

interface TableProps {
  league: League;
  year: number | undefined;
  onYear: (year: number | undefined) => void;
}

function LeagueTable({ league, year, onYear }: TableProps) {
  const { t } = useI18n();
  const words = useWords();
  const [sort, setSort] = useState<Sort>({ key: 'code', descending: false });
  const rows = useMemo(() => sortRows(league.rows, sort), [league.rows, sort]);
  const grading = useMemo(() => gradingOf(league.rows), [league.rows]);
  const shareLabel = shareOnTrackLabel(grading, t, words);
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
          <select
            value={year ?? ''}
            onChange={(e) => onYear(e.target.value ? Number(e.target.value) : undefined)}
          >
            <option value="">{t('league.yearDefault')}</option>
            {league.years.map((y) => (
              <option key={y} value={y}>
                {t('scorecard.yearOption', { year: y })}
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
              <Row key={r.code} row={r} categories={league.categories} shareLabel={shareLabel} />
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
  categories: string[];
  shareLabel: string;
}

function Row({ row: r, categories, shareLabel }: RowProps) {
  const { t } = useI18n();
  return (
    <tr>
      <th scope="row">
        <Link to={`/d/${r.code}`} aria-label={t('districts.open', { name: r.name })}>
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
