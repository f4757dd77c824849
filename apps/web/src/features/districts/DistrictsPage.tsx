import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n';
import { useWords } from '../../i18n/words';
import { messageKeyOf } from '../../lib/errors';
import { planLabel } from '../../lib/period';
import { planYears, yearLabel } from '../scorecard/params';
import { shareOnTrackLabel } from '../scorecard/summaryWords';
import type { League } from '../scorecard/types';
import { HeatLegend } from './HeatLegend';
import { LeagueDownloads } from './LeagueDownloads';
import { RegionGroups, RegionTrail } from './LeagueRegions';
import { LeagueTable } from './LeagueTable';
import {
  descendingByDefault,
  FILTERS,
  leagueFilters,
  SORT_KEYS,
  sortParam,
  toggledSort,
  withoutSearch,
  withParam,
  withRegion,
  withReporting,
  withSort,
  type LeagueFilters,
  type ReportingFilter,
  type SortKey,
} from './leagueView';
import { PeriodSwitcher } from './PeriodSwitcher';
import { gradingOf, StatusLegend } from './StatusMinis';
import { useLeague } from './useLeague';
import './league.css';

/** How long typing pauses before the search is sent. */
const SEARCH_DELAY = 300;

/**
 * 全部区县: the league of the districts in scope, within one plan period (`?period=`) at one year
 * (`?year=`), inside a province or a city (`?province=13`, `?city=1301`), filtered (`?show=`),
 * searched (`?q=`) and sorted (`?sort=`, `?order=`) by the server as the URL says, so reload and
 * back keep them. The rows come a page at a time as the reader scrolls.
 */
export function DistrictsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => leagueFilters(params), [params]);
  const { query, league, rows } = useLeague(filters);
  const set = (next: URLSearchParams) => setParams(next, { replace: true });
  const filtered = filters.q !== undefined || filters.show !== 'all';
  const regional = filters.province !== undefined || filters.city !== undefined;
  const firstPageFailed = query.isError && !query.isFetchNextPageError;
  return (
    <>
      <h1>{t('districts.title')}</h1>
      <p className="intro">{t('league.intro')}</p>
      {firstPageFailed ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()}>
          <LeagueWayBack error={query.error} filters={filters} params={params} />
        </ErrorState>
      ) : !league ? (
        <Loading />
      ) : league.total === 0 && !filtered && !regional ? (
        <>
          <LeaguePeriod league={league} />
          <EmptyState title={t('districts.empty.title')}>{t('districts.empty.body')}</EmptyState>
        </>
      ) : (
        <LeagueView
          league={league}
          rows={rows}
          filters={filters}
          updating={query.isPlaceholderData}
          more={{
            has: query.hasNextPage,
            loading: query.isFetchingNextPage,
            failed: query.isFetchNextPageError ? query.error : null,
            load: query.fetchNextPage,
          }}
          onParams={set}
        />
      )}
    </>
  );
}

/** Out of a league the server refused: up to all districts, or to the current period. */
function LeagueWayBack({
  error,
  filters,
  params,
}: {
  error: unknown;
  filters: LeagueFilters;
  params: URLSearchParams;
}) {
  const { t } = useI18n();
  const key = messageKeyOf(error);
  if (key === 'league.noRegion' || key === 'league.badRegion') {
    const search = withRegion(params, null).toString();
    return (
      <p>
        <Link to={search ? `/districts?${search}` : '/districts'}>{t('league.toAll')}</Link>
      </p>
    );
  }
  if (filters.period === undefined && filters.year === undefined) return null;
  return (
    <p>
      <Link to="/districts">{t('league.reset')}</Link>
    </p>
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

interface LeagueViewProps {
  /** The first page: the totals, roll-ups, region and period, whatever page the rows are of. */
  league: League;
  rows: League['rows'];
  filters: LeagueFilters;
  /** Whether the rows are still those of the filters before (the new ones are loading). */
  updating: boolean;
  more: { has: boolean; loading: boolean; failed: unknown; load: () => unknown };
  onParams: (next: URLSearchParams) => void;
}

function LeagueView({ league, rows, filters, updating, more, onParams }: LeagueViewProps) {
  const { t } = useI18n();
  const words = useWords();
  const [params] = useSearchParams();
  const grading = gradingOf(league.overall.phases);
  const shareLabel = shareOnTrackLabel(grading, t, words);
  const sort = sortParam(params);
  const { load } = more;
  const loadMore = useCallback(() => void load(), [load]);
  return (
    <>
      <LeaguePeriod league={league} />
      <RegionTrail region={league.region} />
      <div className="controls league-controls">
        <YearField league={league} onYear={(y) => onParams(withParam(params, 'year', String(y)))} />
        <label className="inline-field">
          {t('league.filter')}
          <select
            value={filters.show}
            onChange={(e) => onParams(withReporting(params, e.target.value as ReportingFilter))}
          >
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`league.filter.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <SearchField value={filters.q} onSearch={(q) => onParams(withParam(params, 'q', q))} />
        <SortField
          sort={sort}
          shareLabel={shareLabel}
          onSort={(next) => onParams(withSort(params, next))}
        />
      </div>
      <div className="league-legends">
        <StatusLegend grading={grading} label={t('league.col.counts')} />
        {league.categories.length > 0 && <HeatLegend shareLabel={shareLabel} />}
      </div>
      {league.total === 0 ? (
        <section className="state state-empty">
          <h2>{t('league.empty.title')}</h2>
          <p>{filters.q ? t('league.empty.search', { q: filters.q }) : t('league.empty.filter')}</p>
          <button
            type="button"
            className="secondary"
            onClick={() => onParams(withoutSearch(params))}
          >
            {t('league.empty.clear')}
          </button>
        </section>
      ) : (
        <div className={updating ? 'league-body updating' : 'league-body'} aria-busy={updating}>
          <RegionGroups groups={league.groups} overall={league.overall} shareLabel={shareLabel} />
          <div className="league-count">
            <p aria-live="polite">
              {t('league.shown', { total: league.total, shown: rows.length })}
              {updating && <span className="muted"> {t('league.updating')}</span>}
            </p>
            <LeagueDownloads filters={filters} />
          </div>
          <LeagueTable
            rows={rows}
            league={league}
            shareLabel={shareLabel}
            sort={sort}
            onSort={(key) => onParams(withSort(params, toggledSort(sort, key)))}
            more={{ has: more.has && !more.failed, loading: more.loading, load: loadMore }}
          />
          <LoadMore more={more} onMore={loadMore} />
        </div>
      )}
    </>
  );
}

/** 加载更多: for a reader who does not scroll, or when fetching a page failed. */
function LoadMore({ more, onMore }: { more: LeagueViewProps['more']; onMore: () => void }) {
  const { t } = useI18n();
  if (!more.has) return null;
  return (
    <div className="league-more">
      {more.failed !== null && <ErrorState error={more.failed} />}
      <button type="button" className="secondary" disabled={more.loading} onClick={onMore}>
        {more.loading ? t('league.loadingMore') : t('league.more')}
      </button>
    </div>
  );
}

function YearField({ league, onYear }: { league: League; onYear: (year: number) => void }) {
  const { t } = useI18n();
  const shown = league.periods.find((p) => p.period === league.period);
  return (
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
  );
}

/**
 * The search box: what is typed goes to the URL (and so to the server) once typing pauses, or at
 * once on Enter; a search changed elsewhere (back, a cleared filter) is shown in the box.
 */
function SearchField({
  value,
  onSearch,
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value ?? '');
  const [seen, setSeen] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  if (seen !== value) {
    setSeen(value);
    if ((value ?? '') !== text.trim()) setText(value ?? '');
  }
  const send = (next: string) => {
    const q = next.trim() || undefined;
    if (q !== value) onSearch(q);
  };
  const onChange = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => send(next), SEARCH_DELAY);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    clearTimeout(timer.current);
    send(text);
  };
  return (
    <form role="search" className="league-search" onSubmit={onSubmit}>
      <label className="inline-field">
        {t('league.search')}
        <input
          type="search"
          value={text}
          maxLength={40}
          placeholder={t('league.searchPlaceholder')}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
    </form>
  );
}

/** The server's orders, the standings first; and the order turned round. */
function SortField({
  sort,
  shareLabel,
  onSort,
}: {
  sort: ReturnType<typeof sortParam>;
  shareLabel: string;
  onSort: (sort: ReturnType<typeof sortParam>) => void;
}) {
  const { t } = useI18n();
  const label = (k: SortKey) => (k === 'share' ? shareLabel : t(`league.sort.${k}`));
  const order = t(sort.descending ? 'league.order.desc' : 'league.order.asc');
  return (
    <div className="league-sort">
      <label className="inline-field">
        {t('league.sort')}
        <select
          value={sort.key}
          onChange={(e) => {
            const key = e.target.value as SortKey;
            onSort({ key, descending: descendingByDefault(key) });
          }}
        >
          {SORT_KEYS.map((k) => (
            <option key={k} value={k}>
              {label(k)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="secondary"
        title={t('league.order.toggle', { order })}
        onClick={() => onSort({ key: sort.key, descending: !sort.descending })}
      >
        <span aria-hidden="true">{sort.descending ? '▼ ' : '▲ '}</span>
        {order}
      </button>
    </div>
  );
}
