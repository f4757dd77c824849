import { useI18n } from '../../i18n';
import { useWords } from '../../i18n/words';
import { listedStatuses, type Grading } from '../../lib/grades';
import {
  anyFilter,
  departmentsOf,
  NO_DEPARTMENT,
  type FilterName,
  type ScorecardFilters as Filters,
} from './filters';
import type { ScorecardRow } from './types';
import './filters.css';

interface Props {
  rows: readonly ScorecardRow[];
  grading: Grading;
  filters: Filters;
  shown: number;
  onChange: (name: FilterName, value: string | null) => void;
  onClear: () => void;
}

/** 筛选: by grade, area, attribute and 牵头单位, each option with its count; how many are shown. */
export function ScorecardFilters({ rows, grading, filters, shown, onChange, onClear }: Props) {
  const { t } = useI18n();
  const words = useWords();
  const count = (pick: (r: ScorecardRow) => string) => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(pick(r), (counts.get(pick(r)) ?? 0) + 1);
    return counts;
  };
  const byStatus = count((r) => r.status);
  const byCategory = count((r) => r.category);
  const byAttribute = count((r) => r.attribute);
  const byDepartment = count((r) => r.leadDepartment ?? NO_DEPARTMENT);
  const wording = { phase: grading.phases, rules: grading.rules };
  const select = (
    name: FilterName,
    listed: { value: string; label: string; n: number }[],
    value: string | null,
  ) => {
    // A value the URL names that no row has still shows as chosen, matching nothing.
    const options =
      value === null || listed.some((o) => o.value === value)
        ? listed
        : [...listed, { value, label: value, n: 0 }];
    return (
      <label className="inline-field">
        {t(`filters.${name}`)}
        <select name={name} value={value ?? ''} onChange={(e) => onChange(name, e.target.value)}>
          <option value="">{t('filters.all')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}（{o.n}）
            </option>
          ))}
        </select>
      </label>
    );
  };
  return (
    <section className="filters no-print" aria-label={t('filters.label')}>
      {select(
        'status',
        listedStatuses(grading)
          .filter((s) => byStatus.has(s))
          .map((s) => ({ value: s, label: words.status(s, wording), n: byStatus.get(s)! })),
        filters.status,
      )}
      {select(
        'category',
        [...byCategory].map(([c, n]) => ({ value: c, label: c || '—', n })),
        filters.category,
      )}
      {select(
        'attribute',
        (['binding', 'expected'] as const)
          .filter((a) => byAttribute.has(a))
          .map((a) => ({ value: a, label: words.attribute(a), n: byAttribute.get(a)! })),
        filters.attribute,
      )}
      {select(
        'department',
        departmentsOf(rows).map((d) => ({
          value: d,
          label: d === NO_DEPARTMENT ? t('filters.noDepartment') : d,
          n: byDepartment.get(d) ?? 0,
        })),
        filters.department,
      )}
      <p className="filter-count" role="status">
        {t('filters.count', { shown, total: rows.length })}
      </p>
      {anyFilter(filters) && (
        <button type="button" className="secondary" onClick={onClear}>
          {t('filters.clear')}
        </button>
      )}
    </section>
  );
}
