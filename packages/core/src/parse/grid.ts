import { parsePeriod } from '../period';
import { compact } from './text';

/**
 * What a column of a main-indicator table holds. `subname` is the second half of a name header
 * printed over two columns (指标 over 义务教育巩固率 | 小学).
 */
export type Role =
  'seq' | 'category' | 'name' | 'subname' | 'unit' | 'baseline' | 'target' | 'rate' | 'attribute';

export interface HeaderYears {
  baseline: number | null;
  target: number | null;
}

export interface Columns {
  columns: (Role | null)[];
  years: HeaderYears;
}

/** Words of a header cell, in the order they decide: 年均增长(%) is a rate although it names a %. */
const WORDS: [Role, RegExp][] = [
  ['attribute', /属性/],
  ['seq', /^序|序号|^编号$|^No\.?$/i],
  ['unit', /^(计量)?单位$/],
  ['category', /类别|领域|^类$|^分类$|^方面$/],
  ['rate', /年均|增长|增速|增幅|累计/],
  ['baseline', /基数|基期|现状|基准/],
  ['target', /目标|预期值|规划值/],
  ['name', /指标|名称|项目/],
];

const YEAR = /(?:19|20)\d\d/g;
/** 十四五 · “十五五” · 2021-2025: a plan period named in a header or caption. */
export function periodIn(text: string): HeaderYears | null {
  const s = compact(text);
  const cn = /([一二三四五六七八九十]+五)/.exec(s);
  const span = /((?:19|20)\d\d)[-–—~至]((?:19|20)\d\d)/.exec(s);
  const p = (span && parsePeriod(`${span[1]}-${span[2]}`)) ?? (cn && parsePeriod(cn[1] ?? ''));
  return p ? { baseline: p.baselineYear, target: p.targetYear } : null;
}

/** A header cell: no number other than a year, and a header word or a year in it. */
export function isHeaderCell(text: string): boolean {
  const s = compact(text);
  if (s === '') return true;
  if (/^[-—–_]+$/.test(s)) return false;
  const unYeared = s.replace(YEAR, '').replace(/[一二三四五六七八九十]+五/, '');
  if (/\d/.test(unYeared)) return false;
  return WORDS.some(([, re]) => re.test(s)) || s !== unYeared || /规划|时期|期末|数值|值$/.test(s);
}

/** A header cell that is only a year: 2025年, 2030年目标 is a word too, 2030 年底. */
const isYearCell = (c: string) => /^(?:19|20)\d\d年?(?:末|底)?$/.test(compact(c));

/**
 * A row of header words: every filled cell a header cell, and two of them header words or bare
 * years (指标 | 2025年 | 2030年), one at least a word.
 */
export function isHeaderRow(cells: string[]): boolean {
  const filled = cells.filter((c) => compact(c) !== '');
  const worded = filled.filter((c) => WORDS.some(([, re]) => re.test(compact(c))));
  const years = filled.filter(isYearCell);
  return (
    filled.length > 0 &&
    filled.every(isHeaderCell) &&
    worded.length >= 1 &&
    worded.length + years.length >= 2
  );
}

/**
 * Role of each column from its header text (the header rows of the column joined), in any order
 * and any subset. A column headed only by a year is a baseline or a target, the earlier year the
 * baseline; an unheaded column right after the name column is the name's second half. Null when
 * there is no name column, or no target or rate column, or a role is given twice.
 */
export function mapHeader(header: string[]): Columns | null {
  const texts = header.map((h) => compact(h));
  const columns: (Role | null)[] = texts.map(
    (h) => WORDS.find(([, re]) => re.test(h))?.[0] ?? null,
  );
  const yearOf = (k: number) => {
    const m = (texts[k] ?? '').match(YEAR);
    return m ? Number(m[0]) : null;
  };
  const yeared = columns
    .map((c, k) => ({ c, k, year: yearOf(k) }))
    .filter((x) => x.c === null && x.year !== null)
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  for (const x of yeared) {
    const later = yeared.some((o) => (o.year ?? 0) > (x.year ?? 0) && columns[o.k] === null);
    const needTarget = !columns.includes('target');
    if (!columns.includes('baseline') && (!needTarget || later)) columns[x.k] = 'baseline';
    else if (needTarget) columns[x.k] = 'target';
  }
  const nameAt = columns.indexOf('name');
  if (nameAt >= 0 && columns[nameAt + 1] === null && texts[nameAt + 1] === '')
    columns[nameAt + 1] = 'subname';
  if (nameAt < 0 || !(columns.includes('target') || columns.includes('rate'))) return null;
  const roles = columns.filter((c): c is Role => c !== null);
  if (roles.some((r, i) => roles.indexOf(r) !== i)) return null;
  const period = periodIn(header.join(' '));
  const year = (role: Role) => {
    const k = columns.indexOf(role);
    if (k < 0) return null;
    return yearOf(k) ?? (periodIn(header[k] ?? '')?.[role as 'baseline' | 'target'] || null);
  };
  const years = { baseline: year('baseline'), target: year('target') };
  if (years.target === null && columns.includes('target') && period) years.target = period.target;
  return { columns, years };
}

/**
 * The header rows as one text per grid column. A row shorter than the table (a second header row
 * printed without the empty cells under the first row's single cells) is placed under the one
 * group of the row above it that it fits: a filled cell followed by empty ones, as wide as it;
 * a short row that fits no group is left out.
 */
export function headerTexts(rows: string[][], width: number): string[] {
  const placed: string[][] = [];
  for (const row of rows) {
    if (row.length >= width) {
      placed.push(row.slice(0, width));
      continue;
    }
    const above = placed.at(-1);
    if (!above) continue;
    const fits: number[] = [];
    for (let k = 0; k + row.length <= width; k++) {
      const span = above.slice(k, k + row.length);
      const next = above[k + row.length];
      const ok =
        compact(span[0] ?? '') !== '' &&
        span.slice(1).every((c) => compact(c) === '') &&
        (next === undefined || compact(next) !== '');
      if (ok) fits.push(k);
    }
    if (fits.length !== 1) continue;
    const at = fits[0] ?? 0;
    const full = Array.from({ length: width }, (_, k) =>
      k >= at && k < at + row.length ? (row[k - at] ?? '') : '',
    );
    for (let k = at + 1; k < at + row.length; k++) above[k] = above[at] ?? '';
    placed.push(full);
  }
  return Array.from({ length: width }, (_, k) => placed.map((r) => r[k] ?? '').join(' '));
}
