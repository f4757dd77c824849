import type { Comparator, EntryGrid, EntryRow, StoredValue } from '@pm/core';
import { comparatorWords, isDemo } from '@pm/core';
import { useI18n, type Locale } from '../../i18n';
import { langOf, useWords } from '../../i18n/words';

/** A figure as read in the grid: plain digits, as typed; a dash for none. */
export function figure(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(value);
}

/** The grid's cells of the year that hold a stored figure. */
export const cellsOf = (grid: EntryGrid) =>
  grid.groups
    .flatMap((g) => g.rows.flatMap((r) => [r.actual, r.assigned]))
    .filter((c) => c?.stored);

/** A comparator in the reader's language, in core's words (不低于, at least). */
export const comparatorText = (comparator: Comparator, locale: Locale): string =>
  comparatorWords[comparator][langOf(locale)];

export function StateBadge({ value }: { value: StoredValue | null | undefined }) {
  const words = useWords();
  if (!value) return null;
  return (
    <span className={`entry-badge state-${value.state}`}>{words.valueState(value.state)}</span>
  );
}

export function DemoBadge({ value }: { value: StoredValue | null | undefined }) {
  const { t } = useI18n();
  return isDemo(value) ? <span className="entry-badge demo">{t('entry.demo')}</span> : null;
}

/** The cells every view of the grid starts a row with: indicator, unit, baseline, target, last year. */
export function RowHead({ row }: { row: EntryRow }) {
  const { t } = useI18n();
  const words = useWords();
  const ind = row.indicator;
  return (
    <>
      <th scope="row" className="entry-ind">
        <span className="entry-seq">{ind.seq}</span>
        {ind.name}
        {ind.attribute === 'binding' && (
          <span className="entry-badge binding">{words.attribute('binding')}</span>
        )}
      </th>
      <td className="entry-unit">{ind.unit || '—'}</td>
      <td className="num">
        {figure(row.baseline.value)}
        {!row.baseline.printed && row.baseline.stored && (
          <small className="entry-hint">
            {t('entry.baselineEntered', { year: row.baseline.stored.year })}
          </small>
        )}
      </td>
      <td className="entry-target">{row.targetText || '—'}</td>
      <td className="num">
        {row.lastYear ? figure(row.lastYear.value) : '—'}
        <DemoBadge value={row.lastYear?.stored} />
      </td>
    </>
  );
}

export function HeadRow({ year, actions }: { year: number; actions: boolean }) {
  const { t } = useI18n();
  return (
    <tr>
      <th scope="col">{t('entry.col.indicator')}</th>
      <th scope="col">{t('entry.col.unit')}</th>
      <th scope="col" className="num">
        {t('entry.col.baseline')}
      </th>
      <th scope="col">{t('entry.col.target')}</th>
      <th scope="col" className="num">
        {t('entry.col.lastYear', { year: year - 1 })}
      </th>
      <th scope="col">{t('entry.col.actual', { year })}</th>
      <th scope="col">{t('entry.col.assigned')}</th>
      <th scope="col">{t('entry.col.source')}</th>
      <th scope="col">{t('entry.col.note')}</th>
      <th scope="col">{t('entry.col.state')}</th>
      {actions && <th scope="col">{t('entry.col.actions')}</th>}
    </tr>
  );
}

export const COLUMN_COUNT = 11;
