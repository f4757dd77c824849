import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { District, Indicator } from '../plan';
import { readTable, readTableRows, type TableRow } from './table';

/**
 * The seeds' main-indicator tables, as read from their PDF conversions, laid out again in every
 * text layout a user has; each layout must give the same indicators.
 */
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}.txt`, import.meta.url), 'utf8');
const district: District = { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' };

interface Laid {
  header: string[];
  rows: string[][];
}

function relay(name: string): { laid: Laid; rows: TableRow[]; years: [number, number] } {
  const table = readTableRows(fixture(name));
  if (!table) throw new Error(`${name}: no table`);
  const [b, y] = [table.years.baseline ?? 0, table.years.target ?? 0];
  let category = '';
  const rows = table.rows.map((r) => {
    const first = r.category !== category;
    category = r.category;
    return [
      /^\d+$/.test(r.label) ? r.label : '',
      first ? r.category : '',
      r.name,
      r.raw.baseline ?? '',
      r.raw.target ?? '',
      r.raw.rate ?? '',
      r.raw.attribute ?? '',
    ];
  });
  const header = ['序号', '类别', '指标名称', `${b}年`, `${y}年`, '年均增长', '属性'];
  return { laid: { header, rows }, rows: table.rows, years: [b, y] };
}

const caption = '表1 “十四五”时期经济社会发展主要指标';
const oneLine = (c: string) => c.replace(/\n/g, ' ');
const LAYOUTS: Record<string, (t: Laid) => string> = {
  tabs: (t) => [caption, ...[t.header, ...t.rows].map((r) => r.map(oneLine).join('\t'))].join('\n'),
  markdown: (t) =>
    [
      caption,
      '',
      `| ${t.header.join(' | ')} |`,
      `|${t.header.map(() => '---').join('|')}|`,
      ...t.rows.map((r) => `| ${r.map((c) => c.replace(/\n/g, '<br>')).join(' | ')} |`),
    ].join('\n'),
  pipes: (t) =>
    [caption, ...[t.header, ...t.rows].map((r) => r.map(oneLine).join(' | '))].join('\n'),
  'one cell per tabbed line': (t) =>
    [
      `\t${caption}`,
      ...[t.header, ...t.rows].flat().map((c) => `\t${c.replace(/\n/g, '\n\n')}`),
    ].join('\n'),
  'cells ending in " |"': (t) =>
    [caption, ...[t.header, ...t.rows].flat().map((c) => `${c} |`)].join('\n'),
  'one cell per tabbed line, blank lines between': (t) =>
    [`\t${caption}`, '', ...[t.header, ...t.rows].flat().map((c) => `\t${c}\n`)].join('\n'),
};

const essence = (i: Indicator) => ({
  seq: i.seq,
  category: i.category,
  name: i.name,
  unit: i.unit,
  attribute: i.attribute,
  target: i.target,
});

describe.each(['yuhua', 'weibin', 'xinhua'])('the %s table laid out again', (name) => {
  const { laid, years } = relay(name);
  const original = readTable(fixture(name), { district, document: name });
  const expected = (original.file?.indicators ?? []).map(essence);
  const failing = original.rows.filter((r) => r.indicator === null).map((r) => r.label);

  it.each(Object.keys(LAYOUTS))(
    'in %s gives the same indicators and lists the same rows',
    (layout) => {
      const text = (LAYOUTS[layout] as (t: Laid) => string)(laid);
      const result = readTable(text, { district, document: name });
      expect(result.file?.plan).toMatchObject({ baselineYear: years[0], targetYear: years[1] });
      expect(result.file?.indicators.map(essence)).toEqual(expected);
      expect(result.rows.filter((r) => r.indicator === null).map((r) => r.label)).toEqual(failing);
    },
  );

  it('as copied from a PDF viewer (one cell a line, empty cells gone) never reads a row differently', () => {
    const text = [
      caption,
      '',
      ...[laid.header, ...laid.rows]
        .flat()
        .filter((c) => c !== '')
        .map(oneLine),
    ].join('\n');
    const result = readTable(text, { district, document: name });
    const byName = new Map(expected.map((i) => [i.name, i]));
    for (const ind of result.file?.indicators ?? []) {
      const same = byName.get(ind.name);
      expect(same && { ...essence(ind), seq: same.seq, category: same.category }).toEqual(same);
    }
    expect(result.problems.length).toBeGreaterThan(0);
  });
});
