import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentError } from './errors';
import { readPlanDocument } from './read';
import { encode, toDocx, toHtml, toTabs } from './testing/make-files';
import { brief, countyBody, countyIndicators } from './testing/tables';

const pdf = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/pdf/${name}`, import.meta.url)));

describe('readPlanDocument', () => {
  it('reads the same county table from Word, a web page and GB18030 tab rows, whatever the name says', async () => {
    // Without the category row across the table: in a tab copy core still lets that row outrank
    // the 领域 column (Word and web pages keep the column), a difference left to the text reader.
    const tabs = countyBody.map((part) =>
      typeof part === 'string' ? part : { ...part, rows: part.rows.filter((r) => r.length > 1) },
    );
    const files = [
      await toDocx(countyBody),
      encode.utf8Bom(toHtml(countyBody)),
      encode.gb18030(toTabs(tabs)),
    ];
    const docs = await Promise.all(files.map((bytes) => readPlanDocument(bytes, 'plan.pdf')));
    expect(docs.map((d) => d.format)).toEqual(['docx', 'html', 'text']);
    for (const doc of docs) expect(brief(doc)).toEqual(countyIndicators);
  });

  it('reads a PDF with a text layer through the PDF reader', async () => {
    const doc = await readPlanDocument(pdf('county-15th.pdf'), 'county.docx');
    expect(doc.format).toBe('pdf');
    expect(doc.tables.length).toBeGreaterThan(0);
  });

  it('refuses a scanned PDF as a DocumentError saying so in both languages', async () => {
    const error = await readPlanDocument(pdf('scan.pdf'), 'scan.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentError);
    expect(error).toMatchObject({ reason: 'scanned', kind: 'pdf' });
    expect((error as DocumentError).zh).toContain('扫描件');
  });

  it('says which line holds bytes the encoding has no character for', async () => {
    const utf8 = new TextEncoder().encode('第一行\n第二行\n第三行\n');
    const bytes = new Uint8Array([...utf8.subarray(0, 10), 0xff, ...utf8.subarray(10)]);
    const doc = await readPlanDocument(bytes, 'plan.txt');
    expect(doc.lines.map((l) => l.text)).toEqual(['第一行', '\uFFFD第二行', '第三行', '']);
    expect(doc.problems).toEqual([
      {
        place: { line: 2 },
        message: '1 byte sequence(s) are not utf-8 text and show as �: check those cells',
      },
    ]);
  });
});
