import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  readDocumentTable,
  readTable,
  type District,
  type DocumentTable,
  type Indicator,
  type PlanDocument,
} from '@pm/core';
import { describe, expect, it } from 'vitest';
import { SEED_FIXTURES } from './fixtures/pdf/make-pdf-fixtures';
import { PdfReadError, readPdf } from './pdf';
import { seedText } from './testing/seed-texts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) =>
  new Uint8Array(readFileSync(path.join(here, 'fixtures/pdf', `${name}.pdf`)));
const district: District = { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' };

const essence = (i: Indicator) => ({
  seq: i.seq,
  category: i.category,
  name: i.name,
  attribute: i.attribute,
  target: i.target,
});
const failing = (t: DocumentTable) =>
  t.rows.filter((r) => r.indicator === null).map((r) => r.label);

describe.each(SEED_FIXTURES)('the seed table $seed printed to PDF ($style)', (f) => {
  it('gives the same indicators as its text and lists the same rows', async () => {
    const text = readTable(seedText(f.seed), { district, document: f.seed });
    const doc = await readPdf(fixture(f.name), `${f.name}.pdf`);
    const pdf = readDocumentTable(doc, { district, document: f.name });
    expect(pdf.file?.plan).toMatchObject({
      baselineYear: text.file?.plan.baselineYear,
      targetYear: text.file?.plan.targetYear,
    });
    expect(pdf.file?.indicators.map(essence)).toEqual(text.file?.indicators.map(essence));
    expect(failing(pdf)).toEqual(failing(text));
    expect(pdf.caption?.text.replace(/\s+/g, '')).toBe(text.caption?.text.replace(/\s+/g, ''));
  });
});

describe('a county table of another shape', () => {
  let doc: PlanDocument;
  const read = async () => (doc ??= await readPdf(fixture('county-15th'), 'county-15th.pdf'));

  it('rebuilds its columns, the two-row header and the cells wrapped in narrow columns', async () => {
    const t = (await read()).tables[0];
    expect(t?.caption?.text).toBe('表2 某县“十五五”时期经济社会发展主要指标一览表');
    const row = (seq: string) => t?.rows.find((r) => r[0]?.text === seq)?.map((c) => c.text);
    expect(row('5')).toEqual([
      '5',
      '经济\n发展',
      '数字经济核心产业\n增加值占地区生产\n总值比重①',
      '%',
      '预期\n性',
      '6.1',
      '10',
      '[3.9]',
    ]);
    expect(row('19')?.slice(2, 4)).toEqual(['能源综合生产能力', '万吨标\n准煤']);
    expect(row('14')?.[7]).toBe('完成省下\n达任务');
  });

  it('reads every row over the page break with its merged 领域 and its unit', async () => {
    const result = readDocumentTable(await read(), { district, document: 'county-15th' });
    expect(result.file?.plan).toMatchObject({ baselineYear: 2025, targetYear: 2030 });
    expect(result.rows.map((r) => r.label)).toEqual(
      Array.from({ length: 19 }, (_, i) => String(i + 1)),
    );
    const by = (seq: number) => result.rows.find((r) => r.seq === seq);
    expect([4, 5, 6, 8, 9, 13, 14, 17, 18].map((s) => by(s)?.category)).toEqual([
      '经济发展',
      '经济发展',
      '创新驱动',
      '创新驱动',
      '民生福祉',
      '民生福祉',
      '绿色生态',
      '绿色生态',
      '安全保障',
    ]);
    expect(by(19)?.unit).toBe('万吨标准煤');
    expect(by(5)?.marks).toEqual(['①']);
    expect(by(1)?.indicator).toMatchObject({ name: '地区生产总值', unit: '亿元' });
    expect(by(12)?.indicator?.attribute).toBe('binding');
    const pages = new Set(result.rows.map((r) => r.place.page));
    expect([...pages].sort()).toEqual([1, 2]);
  });

  it('keeps the running text as lines with their pages', async () => {
    const d = await read();
    const note = d.lines.find((l) => l.text.startsWith('注：①'));
    expect(note?.place.page).toBe(2);
    expect(d.lines[0]?.text).toBe('某县国民经济和社会发展第十五个五年规划纲要');
  });
});

describe('a PDF that cannot be read', () => {
  it('without a text layer is told to be a scan, not "no table"', async () => {
    const err = await readPdf(fixture('scan'), 'scan.pdf').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfReadError);
    expect((err as PdfReadError).reason).toBe('scanned');
    expect((err as Error).message).toContain('no text layer: it is a scan; OCR it first');
    expect((err as PdfReadError).zh).toContain('扫描件');
  });

  it('with an open password is told to be encrypted', async () => {
    const err = await readPdf(fixture('encrypted'), 'encrypted.pdf').catch((e: unknown) => e);
    expect((err as PdfReadError).reason).toBe('encrypted');
  });

  it('cut short or not a PDF at all is told to be broken', async () => {
    const whole = fixture('county-15th');
    for (const bytes of [whole.subarray(0, 4000), new TextEncoder().encode('序号\t指标\n1\tGDP')]) {
      const err = await readPdf(bytes, 'bad.pdf').catch((e: unknown) => e);
      expect((err as PdfReadError).reason).toBe('broken');
    }
  });
});
