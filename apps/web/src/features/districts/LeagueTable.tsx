import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { Link } from 'react-router';
import { ProgressBar } from '../../components/ProgressBar';
import { useI18n } from '../../i18n';
import { pct } from '../../lib/format';
import { withPeriod } from '../../lib/period';
import type { League, LeagueRow } from '../scorecard/types';
import { heatBand, type Sort, type SortKey } from './leagueView';
import { StatusMinis } from './StatusMinis';

/** Within this many rows of the last one loaded, the next page is fetched. */
const AHEAD = 20;

interface LeagueTableProps {
  /** The rows loaded so far, in the server's order. */
  rows: LeagueRow[];
  league: Pick<League, 'period' | 'categories'>;
  shareLabel: string;
  sort: Sort;
  onSort: (key: SortKey) => void;
  /** Whether the server has rows after these, and the call that fetches them. */
  more: { has: boolean; loading: boolean; load: () => void };
}

/**
 * The districts, one row each; only the rows near the window are in the page (a scope of
 * thousands stays quick), and the next page is fetched before the reader reaches the end.
 */
export function LeagueTable({ rows, league, shareLabel, sort, onSort, more }: LeagueTableProps) {
  const { t } = useI18n();
  const body = useRef<HTMLTableSectionElement>(null);
  const [margin, setMargin] = useState(0);
  // Where the rows start on the page, which what stands above them (filters, roll-ups) moves:
  // measured whenever the page changes size (the observer also reports once at the start).
  useLayoutEffect(() => {
    const el = body.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() =>
      setMargin(Math.round(el.getBoundingClientRect().top + window.scrollY)),
    );
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => 60,
    overscan: 12,
    scrollMargin: margin,
    getItemKey: (i) => rows[i]!.code,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const before = first ? first.start - margin : 0;
  const after = last ? virtualizer.getTotalSize() - (last.end - margin) : 0;
  const lastIndex = last?.index ?? -1;
  const head = useStickyHead();
  const { has, loading, load } = more;
  useEffect(() => {
    if (has && !loading && lastIndex >= rows.length - AHEAD) load();
  }, [has, loading, load, lastIndex, rows.length]);

  const columns = 6 + league.categories.length;
  const header = (key: SortKey, label: string, numeric = true) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={numeric ? 'num' : undefined}
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      >
        <button type="button" className="sort" onClick={() => onSort(key)}>
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
        </button>
      </th>
    );
  };
  return (
    <div className="table-wrap league-rows">
      <table
        className="table league rows"
        aria-label={t('league.table')}
        style={{ '--heats': league.categories.length } as CSSProperties}
      >
        {/* Fixed widths: rows coming and going as the page scrolls never move the columns. */}
        <colgroup>
          {['district', 'data-year', 'share', 'counts', 'warnings', 'completeness'].map((c) => (
            <col key={c} className={`col-${c}`} />
          ))}
          {league.categories.map((c) => (
            <col key={c} className="col-heat" />
          ))}
        </colgroup>
        <thead ref={head}>
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
        <tbody ref={body}>
          {before > 0 && <Spacer height={before} columns={columns} />}
          {items.map((item) => (
            <Row
              key={item.key}
              index={item.index}
              measure={virtualizer.measureElement}
              row={rows[item.index]!}
              period={league.period}
              categories={league.categories}
              shareLabel={shareLabel}
            />
          ))}
          {after > 0 && <Spacer height={after} columns={columns} />}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Keeps the column heads in view while the window scrolls through the rows. CSS sticky cannot:
 * the frame that scrolls the table sideways is the heads' scroll container. The shift is written
 * straight to the element, not through React, so scrolling renders nothing for it.
 */
function useStickyHead() {
  const head = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    const place = () => {
      const thead = head.current;
      const table = thead?.parentElement;
      if (!thead || !table) return;
      const room = table.offsetHeight - thead.offsetHeight;
      const shift = Math.max(0, Math.min(-table.getBoundingClientRect().top, room));
      thead.style.transform = shift > 0 ? `translateY(${shift}px)` : '';
    };
    place();
    window.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
    };
  }, []);
  return head;
}

/** The height of the rows not in the page, so that the scroll bar stays true. */
function Spacer({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" className="spacer">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

interface RowProps {
  index: number;
  measure: (el: HTMLTableRowElement | null) => void;
  row: LeagueRow;
  /** The period compared: the district's page opens at its plan of it, at the year shown. */
  period: string | null;
  categories: string[];
  shareLabel: string;
}

function Row({ index, measure, row: r, period, categories, shareLabel }: RowProps) {
  const { t } = useI18n();
  // A district without a plan of the period opens at its own default plan.
  const to =
    r.reporting === 'noPlan' ? `/d/${r.code}` : withPeriod(`/d/${r.code}?year=${r.year}`, period);
  return (
    <tr ref={measure} data-index={index}>
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
