import { readCsv } from './csv';
import { valueKindSchema, type Indicator, type YearValue } from './plan';

export const VALUES_CSV_HEADER = ['indicator', 'year', 'kind', 'value'] as const;

export interface CsvProblem {
  line: number;
  column: string | null;
  message: string;
}

/**
 * Reads `indicator,year,kind,value` rows (indicator = the plan's seq or exact name; kind =
 * actual | assigned_target). Every problem is reported with its line and column; values come
 * back only when there is none.
 */
export function parseValuesCsv(
  text: string,
  indicators: readonly Pick<Indicator, 'seq' | 'name'>[],
): { values: YearValue[]; problems: CsvProblem[] } {
  const { records, error } = readCsv(text);
  if (error)
    return { values: [], problems: [{ line: error.line, column: null, message: error.message }] };
  const [header, ...rows] = records;
  const expected = VALUES_CSV_HEADER.join(',');
  if (!header || header.cells.map((c) => c.trim()).join(',') !== expected) {
    return {
      values: [],
      problems: [
        { line: header?.line ?? 1, column: null, message: `the header must be ${expected}` },
      ],
    };
  }
  const bySeq = new Map(indicators.map((i) => [String(i.seq), i.seq]));
  const byName = new Map(indicators.map((i) => [i.name, i.seq]));
  const problems: CsvProblem[] = [];
  const values: YearValue[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const [indicator = '', year = '', kind = '', value = ''] = cells.map((c) => c.trim());
    const problem = (column: string, message: string) => problems.push({ line, column, message });
    if (cells.length !== VALUES_CSV_HEADER.length) {
      problem('(row)', `expected ${VALUES_CSV_HEADER.length} cells, found ${cells.length}`);
      continue;
    }
    const seq = bySeq.get(indicator) ?? byName.get(indicator);
    if (seq === undefined)
      problem(
        'indicator',
        `"${indicator}" is neither a seq nor the exact name of an indicator of this plan`,
      );
    const y = Number(year);
    if (!/^\d{4}$/.test(year)) problem('year', `"${year}" is not a four-digit year`);
    const k = valueKindSchema.safeParse(kind);
    if (!k.success) problem('kind', `"${kind}" must be actual or assigned_target`);
    const v = Number(value);
    if (value === '' || !Number.isFinite(v)) problem('value', `"${value}" is not a number`);
    if (
      seq === undefined ||
      !k.success ||
      !/^\d{4}$/.test(year) ||
      value === '' ||
      !Number.isFinite(v)
    )
      continue;
    const key = `${seq}/${y}/${k.data}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problem('(row)', `repeats indicator ${seq}, ${y}, ${k.data} of line ${first}`);
      continue;
    }
    seen.set(key, line);
    values.push({ seq, year: y, kind: k.data, value: v });
  }
  return problems.length > 0 ? { values: [], problems } : { values, problems };
}
