import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  readDocumentTable,
  readTable,
  readTextDocument,
  type DocumentTable,
  type District,
  type Indicator,
  type PlanDocument,
} from '@pm/core';
import { describe, expect, it } from 'vitest';
import { readPlanDocument } from './read';
import { SEEDS_WITH_TABLES, seedText } from './testing/seed-texts';
import { encode, toDocx, toHtml, toTabs, type Body, type Cell } from './testing/make-files';

/**
 * The seeds' main-indicator tables (real 14th plans, read from their PDF conversions) made
 * again as real Word files, web pages and text files in other encodings, their category column
 * merged as Word and web pages print it: every format must give the same indicators.
 */
const district: District = { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' };
const read = (doc: Parameters<typeof readDocumentTable>[0]) =>
  readDocumentTable(doc, { district, document: doc.name });

const essence = (i: Indicator) => ({
  seq: i.seq,
  category: i.category,
  name: i.name,
  unit: i.unit,
  attribute: i.attribute,
  target: i.target,
});

interface Seed {
  file: string;
  original: DocumentTable;
}

const seeds: Seed[] = SEEDS_WITH_TABLES.map((file) => ({
  file,
  original: readTable(seedText(file), {
    district,
    document: file,
  }),
})).filter((s) => s.original.file !== null);

/** How many runs of rows share a category (each is one merged cell). */
const categories = (t: DocumentTable) =>
  t.rows.filter((r, k) => k === 0 || t.rows[k - 1]?.category !== r.category).length;

/** The seed's table as Word prints it: the category once, merged down over its rows. */
function relaid(original: DocumentTable): Body {
  const { baseline, target } = original.years;
  const header = ['序号', '类别', '指标名称', `${baseline}年`, `${target}年`, '年均增长', '属性'];
  const rows = original.rows;
  const body: Cell[][] = rows.map((r, k) => {
    const first = k === 0 || rows[k - 1]?.category !== r.category;
    let span = 1;
    while (first && rows[k + span]?.category === r.category && r.category !== '') span += 1;
    const category: Cell[] = first
      ? [span > 1 ? { text: r.category, rowSpan: span } : r.category]
      : [];
    return [
      /^\d+$/.test(r.label) ? r.label : '',
      ...category,
      r.name,
      r.raw.baseline ?? '',
      r.raw.target ?? '',
      r.raw.rate ?? '',
      r.raw.attribute ?? '',
    ];
  });
  return [
    '国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
    '第一章 发展目标',
    { caption: '表1 “十四五”时期经济社会发展主要指标', rows: [header, ...body] },
    '注：[ ]内为五年累计数。',
    '第二章 主要任务',
  ];
}

type Make = (body: Body) => Promise<Uint8Array>;
const FORMATS: Record<string, [Make, PlanDocument['format']]> = {
  'a Word file': [toDocx, 'docx'],
  'a web page': [async (body) => encode.utf8Bom(toHtml(body)), 'html'],
  'a web page with <caption>, in GB18030': [
    async (body) => encode.gb18030(toHtml(body, { captionTag: true }).replace('utf-8', 'gb2312')),
    'html',
  ],
  'tab rows in GB18030': [async (body) => encode.gb18030(toTabs(body)), 'text'],
  'tab rows in UTF-16 LE': [async (body) => encode.utf16le(toTabs(body)), 'text'],
  'tab rows in UTF-16 BE': [async (body) => encode.utf16be(toTabs(body)), 'text'],
  'tab rows in UTF-8 with BOM': [async (body) => encode.utf8Bom(toTabs(body)), 'text'],
};

describe.each(seeds)('the seed $file', ({ file, original }) => {
  const expected = (original.file?.indicators ?? []).map(essence);
  expect(expected.length).toBeGreaterThan(10);
  const failing = original.rows.filter((r) => r.indicator === null).map((r) => r.label);

  it.each(Object.keys(FORMATS))('as %s gives the same indicators', async (format) => {
    const [make, kind] = FORMATS[format] as [Make, PlanDocument['format']];
    const doc = await readPlanDocument(await make(relaid(original)), file);
    expect(doc.format).toBe(kind);
    const merged = doc.tables[0]?.rows.flat().filter((c) => c.mergedFrom === 'above').length;
    expect(merged).toBe(kind === 'text' ? 0 : original.rows.length - categories(original));
    const result = read(doc);
    expect(result.caption?.text).toBe('表1 “十四五”时期经济社会发展主要指标');
    expect(result.file?.plan).toMatchObject({
      baselineYear: original.years.baseline,
      targetYear: original.years.target,
    });
    expect(result.file?.indicators.map(essence)).toEqual(expected);
    expect(result.rows.filter((r) => r.indicator === null).map((r) => r.label)).toEqual(failing);
  });
});

it('the corpus has the three seeds with a main-indicator table', () => {
  expect(seeds.length).toBe(3);
});

/**
 * The core reader's own corpus of tables the seeds never had (15th-plan outlines, a county
 * 专栏, grouped headers …), each table's cells put into a real Word file and a web page as
 * they are: the same indicators and the same listed rows as from the text.
 */
const corpusDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../core/src/parse/fixtures/corpus',
);
/**
 * Tables whose rows are as wide as each other, or one cell (a category row, across the table
 * in Word): a text table with a short second header row (2025年 and 年均[累计] under
 * “十四五”目标) is a merged header in Word, made above by hand.
 */
const corpus = readdirSync(corpusDir)
  .sort()
  .filter((file) =>
    readTextDocument(readFileSync(path.join(corpusDir, file), 'utf8'), file).tables.every(
      (t) => new Set(t.rows.map((r) => r.length).filter((n) => n > 1)).size === 1,
    ),
  );

describe.each(corpus)('the core corpus table %s', (file) => {
  const text = readFileSync(path.join(corpusDir, file), 'utf8');
  const original = readDocumentTable(readTextDocument(text, file), { district, document: file });
  const doc = readTextDocument(text, file);
  const body: Body = [
    ...doc.lines
      .slice(0, 3)
      .map((l) => l.text)
      .filter((t) => t.trim() !== ''),
    ...doc.tables.map((t) => ({
      caption: t.caption?.text ?? null,
      rows: t.rows.map((r): Cell[] => {
        const width = Math.max(...t.rows.map((x) => x.length));
        return r.length === 1 ? [{ text: r[0]?.text ?? '', colSpan: width }] : r.map((c) => c.text);
      }),
    })),
  ];
  const brief = (r: DocumentTable) =>
    r.rows.map((x) => ({
      label: x.label,
      category: x.category,
      name: x.name,
      unit: x.unit,
      raw: x.raw,
      indicator: x.indicator && essence(x.indicator),
      problems: x.problems.map((p) => p.message),
    }));
  it.each([
    ['a Word file', toDocx],
    ['a web page', async (b: Body) => encode.utf8Bom(toHtml(b))],
  ])('as %s reads as from the text', async (_, make) => {
    const read = readDocumentTable(await readPlanDocument(await make(body), file), {
      district,
      document: file,
    });
    expect(brief(read)).toEqual(brief(original));
    expect(read.years).toEqual(original.years);
    expect(brief(read).filter((r) => r.indicator).length).toBeGreaterThanOrEqual(3);
  });
});

it('the core corpus gives eight tables to lay out again', () => {
  expect(corpus).toHaveLength(8);
});
