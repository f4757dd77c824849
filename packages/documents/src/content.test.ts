import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeText, recognise } from './content';
import { DocumentError } from './errors';
import { encode, toDocx, toHtml } from './testing/make-files';
import { countyBody } from './testing/tables';

const text = '表1 主要指标\n序号\t指标\t2025年\t2030年\n1\t森林覆盖率（%）\t30\t≥32\n';

describe('text in the encodings plans are stored in', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode(text), 'utf-8'],
    ['UTF-8 with BOM', encode.utf8Bom(text), 'utf-8'],
    ['UTF-16 LE with BOM', encode.utf16le(text), 'utf-16le'],
    ['UTF-16 BE with BOM', encode.utf16be(text), 'utf-16be'],
    ['UTF-16 LE without BOM', encode.utf16le(text).subarray(2), 'utf-16le'],
    ['GB18030 (GBK)', encode.gb18030(text), 'gb18030'],
  ])('%s is decoded as it was written', (_, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text, encoding, replaced: 0 });
  });

  it('tells UTF-16 without BOM by its NUL bytes, even in Chinese text with few digits', () => {
    const chinese = '“十四五”时期经济社会发展主要指标，森林覆盖率达到百分之三十二以上。\n'.repeat(
      20,
    );
    for (const [bytes, encoding] of [
      [encode.utf16le(chinese).subarray(2), 'utf-16le'],
      [encode.utf16be(chinese).subarray(2), 'utf-16be'],
    ] as const)
      expect(decodeText(bytes)).toEqual({ text: chinese, encoding, replaced: 0 });
  });

  it('keeps a UTF-8 file with one broken byte UTF-8, counting the byte', () => {
    const utf8 = new TextEncoder().encode(text);
    const broken = new Uint8Array([...utf8.subarray(0, 18), 0xff, ...utf8.subarray(18)]);
    expect(decodeText(broken)).toMatchObject({ encoding: 'utf-8', replaced: 1 });
  });

  it('takes bytes that are no text as not text', () => {
    expect(decodeText(new Uint8Array(randomBytes(4096)))).toBeNull();
    expect(decodeText(new Uint8Array([0x41, 0x00, 0x00, 0x00, 0x42, 0x43]))).toBeNull();
  });
});

const refusal = (bytes: Uint8Array, name = 'upload.docx') => {
  try {
    recognise(bytes, name);
  } catch (error) {
    if (error instanceof DocumentError) return [error.reason, error.kind, error.message, error.zh];
    throw error;
  }
  return null;
};

async function workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('指标').addRow(['指标', '2030年']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('a file is recognised by its content, not its name', () => {
  it('reads a Word file named .txt as Word, and a web page named .txt as HTML', async () => {
    expect(recognise(await toDocx(countyBody), 'plan.txt')).toEqual({ format: 'docx' });
    const page = recognise(new TextEncoder().encode(toHtml(countyBody)), 'plan.txt');
    expect(page.format).toBe('text');
    expect(page.format === 'text' && page.decoded.text.startsWith('<!DOCTYPE html>')).toBe(true);
  });

  it('knows a PDF by its header', () => {
    expect(recognise(strToU8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'plan.docx')).toEqual({ format: 'pdf' });
  });

  it('tells an Excel workbook so, in both languages', async () => {
    expect(refusal(await workbook(), '规划.docx')).toEqual([
      'not_a_document',
      'excel',
      '规划.docx is an Excel workbook, not a plan document: give the plan as Word (.docx), PDF, a web page (.html) or a text file',
      '规划.docx 是Excel 工作簿，不是规划文档：请上传规划的 Word（.docx）、PDF、网页（.html）或文本文件',
    ]);
  });

  it.each([
    ['a zip of other files', zipSync({ 'a.txt': strToU8('x') }), 'zip'],
    [
      'an OpenDocument text',
      zipSync({
        mimetype: strToU8('application/vnd.oasis.opendocument.text'),
        'content.xml': strToU8('<x/>'),
      }),
      'opendocument',
    ],
    [
      'a PNG image',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'image',
    ],
    [
      'a JPEG photo of a page',
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]),
      'image',
    ],
    [
      'an old .doc or .xls',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'old-office',
    ],
    ['random bytes', new Uint8Array(randomBytes(2048)), 'binary'],
    ['an empty file', new Uint8Array(), 'empty'],
    [
      'a single-file web page',
      strToU8('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"\r\n'),
      'mhtml',
    ],
    ['an RTF file', strToU8('{\\rtf1\\ansi 表1}'), 'rtf'],
  ])('tells %s what it is, never "no table found"', (_, bytes, kind) => {
    expect(refusal(bytes)?.slice(0, 2)).toEqual(['not_a_document', kind]);
  });

  it('says an old Office file is to be saved as .docx', () => {
    const [, , en, zh] =
      refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) ?? [];
    expect(en).toContain('save it as .docx');
    expect(zh).toContain('另存为 .docx');
  });

  it('tells a damaged zip so', async () => {
    const cut = (await toDocx(countyBody)).subarray(0, 200);
    expect(refusal(cut)?.slice(0, 2)).toEqual(['broken', 'zip']);
  });
});
