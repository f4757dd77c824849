import { readCsv, writeCsv } from './csv';
import {
  districtCodeSchema,
  valueKindSchema,
  valueStateSchema,
  type Comparator,
  type Indicator,
  type ValueState,
  type YearValue,
} from './plan';
import { comparatorInputSchema } from './values/comparator';
import { notWholeText, readIndicatorFigure } from './values/count';
import { FIGURE_RANGE_TEXT, readFigure } from './values/figure';

export const VALUES_CSV_HEADER = ['indicator', 'year', 'kind', 'value'] as const;
/** Columns that may follow the first four, in any order; `values export` writes all of them. */
export const VALUES_CSV_EXTRA = ['district', 'state', 'source', 'note', 'comparator'] as const;
export const VALUES_EXPORT_HEADER = [...VALUES_CSV_HEADER, ...VALUES_CSV_EXTRA] as const;

export interface CsvProblem {
  line: number;
  column: string | null;
  message: string;
}

/** One row of a values file; the optional columns are null when absent or empty. */
export interface ValueRecord extends YearValue {
  line: number;
  /** An assigned target's comparator as the row gives it; null on every actual. */
  comparator: Comparator | null;
  district: string | null;
  state: ValueState | null;
  source: string | null;
  note: string | null;
}

type IndicatorRef = Pick<Indicator, 'seq' | 'name'> & Partial<Pick<Indicator, 'unit'>>;

/** The indicators a row may name: one plan's, or those of the plan of the row's district. */
export type IndicatorLookup =
  readonly IndicatorRef[] | ((district: string | null) => readonly IndicatorRef[] | null);

function headerProblem(header: string[]): string | null {
  const expected = VALUES_CSV_HEADER.join(',');
  const extra = header.slice(VALUES_CSV_HEADER.length);
  const allowed = new Set<string>(VALUES_CSV_EXTRA);
  if (header.slice(0, VALUES_CSV_HEADER.length).join(',') !== expected)
    return `the header must be ${expected}`;
  const bad = extra.filter((c, i) => !allowed.has(c) || extra.indexOf(c) !== i);
  if (bad.length > 0)
    return `after ${expected} the header may name ${VALUES_CSV_EXTRA.join(', ')} once each, not ${bad.join(', ')}`;
  return null;
}

/**
 * Reads `indicator,year,kind,value` rows (indicator = the plan's seq or exact name; kind =
 * actual | assigned_target; value as people write it, `1,234.5` or `１２３`), optionally followed
 * by district, state, source, note and comparator columns (an assigned target's: `at_least`,
 * 不低于 or `≥`; empty on an actual). Every problem is reported with its line and column;
 * values come back only when there is none.
 */
export function parseValuesCsv(
  text: string,
  indicators: IndicatorLookup,
): { values: ValueRecord[]; problems: CsvProblem[] } {
  const { records, error } = readCsv(text);
  if (error)
    return { values: [], problems: [{ line: error.line, column: null, message: error.message }] };
  const [first, ...rows] = records;
  const header = first?.cells.map((c) => c.trim()) ?? [];
  const bad = headerProblem(header);
  if (!first || bad)
    return { values: [], problems: [{ line: first?.line ?? 1, column: null, message: bad ?? '' }] };
  const lookup = typeof indicators === 'function' ? indicators : () => indicators;
  const problems: CsvProblem[] = [];
  const values: ValueRecord[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const problem = (column: string, message: string) => problems.push({ line, column, message });
    if (cells.length !== header.length) {
      problem('(row)', `expected ${header.length} cells, found ${cells.length}`);
      continue;
    }
    const get = (column: string) => {
      const i = header.indexOf(column);
      return i < 0 ? '' : (cells[i] ?? '').trim();
    };
    const record = readRow(get, lookup, problem);
    if (!record) continue;
    const key = `${record.district ?? ''}/${record.seq}/${record.year}/${record.kind}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(
        '(row)',
        `repeats indicator ${record.seq}, ${record.year}, ${record.kind} of line ${earlier}`,
      );
      continue;
    }
    seen.set(key, line);
    values.push({ ...record, line });
  }
  return problems.length > 0 ? { values: [], problems } : { values, problems };
}

function readRow(
  get: (column: string) => string,
  lookup: (district: string | null) => readonly IndicatorRef[] | null,
  problem: (column: string, message: string) => void,
): Omit<ValueRecord, 'line'> | null {
  let ok = true;
  const report = (column: string, message: string) => {
    ok = false;
    problem(column, message);
  };
  const district = get('district') || null;
  let list: readonly IndicatorRef[] | null = null;
  if (district !== null && !districtCodeSchema.safeParse(district).success) {
    report('district', `"${district}" is not a 6-digit district code`);
  } else {
    list = lookup(district);
    if (list === null)
      report('district', district ? `no plan for district ${district}` : 'no district given');
  }
  const name = get('indicator');
  const indicator = list?.find((i) => String(i.seq) === name) ?? list?.find((i) => i.name === name);
  if (list && !indicator)
    report(
      'indicator',
      `"${name}" is neither a seq nor the exact name of an indicator of this plan`,
    );
  const year = get('year');
  if (!/^\d{4}$/.test(year)) report('year', `"${year}" is not a four-digit year`);
  const kind = valueKindSchema.safeParse(get('kind'));
  if (!kind.success) report('kind', `"${get('kind')}" must be actual or assigned_target`);
  const text = get('value');
  const unit = indicator?.unit;
  const reading =
    indicator && unit !== undefined
      ? readIndicatorFigure(text, { name: indicator.name, unit })
      : readFigure(text, unit);
  if (!reading.ok && reading.error === 'not_whole')
    report(
      'value',
      notWholeText({ seq: indicator!.seq, name: indicator!.name, unit: unit!, text }),
    );
  else if (!reading.ok && reading.error === 'percent_not_unit')
    report('value', `"${text}" has a % sign, but the unit is ${unit}`);
  else if (!reading.ok && reading.error === 'out_of_range')
    report('value', `"${text}" is out of range: ${FIGURE_RANGE_TEXT}`);
  else if (!reading.ok || reading.value === null) report('value', `"${text}" is not a number`);
  const stateText = get('state');
  const state = stateText ? valueStateSchema.safeParse(stateText) : null;
  if (state && !state.success)
    report('state', `"${stateText}" must be draft, submitted, approved or returned`);
  const comparator = readComparatorCell(get('comparator'), kind.data, report);
  if (!ok || !indicator || !kind.success || !reading.ok || reading.value === null) return null;
  return {
    seq: indicator.seq,
    year: Number(year),
    kind: kind.data,
    value: reading.value,
    comparator,
    district,
    state: state?.data ?? null,
    source: get('source') || null,
    note: get('note') || null,
  };
}

/** The comparator of a row: only an assigned target may have one. */
function readComparatorCell(
  text: string,
  kind: ValueRecord['kind'] | undefined,
  report: (column: string, message: string) => void,
): Comparator | null {
  if (text === '') return null;
  if (kind === 'actual') {
    report(
      'comparator',
      `an actual has no comparator ("${text}"); only an assigned_target row has one`,
    );
    return null;
  }
  const read = comparatorInputSchema.safeParse(text);
  if (read.success) return read.data;
  report('comparator', read.error.issues[0]?.message ?? `"${text}" is not a comparator`);
  return null;
}

/**
 * A values file with every column, as `values export` writes it. `comparator` is written as
 * given: the caller passes an assigned target's comparator in force (`comparatorInForce`).
 */
export function writeValuesCsv(rows: readonly Omit<ValueRecord, 'line'>[]): string {
  return writeCsv([
    VALUES_EXPORT_HEADER,
    ...rows.map((r) => [
      r.seq,
      r.year,
      r.kind,
      r.value,
      r.district,
      r.state,
      r.source,
      r.note,
      r.comparator,
    ]),
  ]);
}
