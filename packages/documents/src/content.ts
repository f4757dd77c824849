import { unzipSync } from 'fflate';
import { brokenFile, notADocument, type FileKind } from './errors';

/** What the bytes of a file are, recognised by content (never by the file name). */
export type Content = { format: 'pdf' } | { format: 'docx' } | { format: 'text'; decoded: Decoded };

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  /** Bytes that were not text in that encoding, replaced with U+FFFD; 0 in a clean file. */
  replaced: number;
}

const starts = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/** Magic numbers of the files people upload by mistake. */
function binaryKind(bytes: Uint8Array): FileKind | null {
  if (starts(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'old-office';
  if (
    starts(bytes, 0x89, 0x50, 0x4e, 0x47) ||
    starts(bytes, 0xff, 0xd8, 0xff) ||
    ascii(bytes, 0, 4) === 'GIF8' ||
    (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') ||
    starts(bytes, 0x49, 0x49, 0x2a, 0x00) ||
    starts(bytes, 0x4d, 0x4d, 0x00, 0x2a)
  )
    return 'image';
  if (
    starts(bytes, 0x1f, 0x8b) ||
    ascii(bytes, 0, 4) === 'Rar!' ||
    starts(bytes, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)
  )
    return 'archive';
  if (ascii(bytes, 0, 5) === '{\\rtf') return 'rtf';
  return null;
}

/** A zip: Word, or which other kind of file it is. */
function zipKind(bytes: Uint8Array, name: string): 'docx' | FileKind {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return f.name === 'mimetype';
      },
    });
  } catch (error) {
    throw brokenFile('zip', name, String(error));
  }
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'excel';
  if (names.some((n) => n.startsWith('ppt/'))) return 'powerpoint';
  if (names.includes('mimetype') && names.includes('content.xml')) return 'opendocument';
  return 'zip';
}

const REPLACEMENT = /\uFFFD/g;
const count = (text: string) => text.match(REPLACEMENT)?.length ?? 0;
const decode = (encoding: Decoded['encoding'], bytes: Uint8Array): Decoded => {
  const text = new TextDecoder(encoding).decode(bytes);
  return { text, encoding, replaced: count(text) };
};

/** UTF-16 without a byte order mark: its NUL bytes, all in the same place of a pair. */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even += 1;
    if (bytes[i + 1] === 0) odd += 1;
  }
  const pairs = n / 2;
  if (pairs === 0) return null;
  // Text in UTF-8 or GB18030 has no NUL at all; Chinese in UTF-16 has one only in its ASCII
  // (digits, tabs, line breaks), always in the same byte of the pair.
  const one = (a: number, b: number) => a >= Math.max(2, pairs * 0.01) && b <= a * 0.02;
  if (one(odd, even)) return 'utf-16le';
  if (one(even, odd)) return 'utf-16be';
  return null;
}

/**
 * Text in the encodings plans are stored in: UTF-8 with or without BOM, UTF-16 with BOM (or
 * without, told by its NUL bytes), else GB18030 (which covers GBK and GB2312) — whichever of
 * UTF-8 and GB18030 leaves fewer bytes undecodable. Null when the bytes are not text.
 */
export function decodeText(bytes: Uint8Array): Decoded | null {
  let decoded: Decoded;
  if (starts(bytes, 0xef, 0xbb, 0xbf)) decoded = decode('utf-8', bytes);
  else if (starts(bytes, 0xff, 0xfe)) decoded = decode('utf-16le', bytes);
  else if (starts(bytes, 0xfe, 0xff)) decoded = decode('utf-16be', bytes);
  else {
    const order = utf16Order(bytes);
    if (order) decoded = decode(order, bytes);
    else if (bytes.includes(0)) return null;
    else {
      const utf8 = decode('utf-8', bytes);
      decoded = utf8.replaced === 0 ? utf8 : leastReplaced(utf8, decode('gb18030', bytes));
    }
  }
  const text = decoded.text.replace(/^\uFEFF/, '');
  const controls = controlCount(text);
  const bad = controls + decoded.replaced;
  if (bad > Math.max(2, text.length * 0.01)) return null;
  return { ...decoded, text };
}

/** Control characters no text file holds (tab, line and page breaks aside). */
function controlCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c < 0x09 || c > 0x0d : c === 0x7f) n += 1;
  }
  return n;
}

const leastReplaced = (a: Decoded, b: Decoded) => (b.replaced < a.replaced ? b : a);

/** The HTML of a saved web page (or a copied table fragment), not text that mentions a tag. */
export function isHtml(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  const opening =
    /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|table|div|p|style)\b/i;
  return opening.test(head) || (/<table[\s>]/i.test(text) && /<\/table\s*>/i.test(text));
}

/** MHTML, a web page saved as one file (Word's 单个文件网页): MIME parts, not a page. */
const isMhtml = (text: string) =>
  /^MIME-Version:/im.test(text.slice(0, 2048)) && /Content-Type:\s*multipart\/related/i.test(text);

/** Recognises a file by its content; refuses (DocumentError) what is not a plan document. */
export function recognise(bytes: Uint8Array, name: string): Content {
  if (bytes.length === 0) throw notADocument('empty', name);
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return { format: 'pdf' };
  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04) || starts(bytes, 0x50, 0x4b, 0x05, 0x06)) {
    const kind = zipKind(bytes, name);
    if (kind === 'docx') return { format: 'docx' };
    throw notADocument(kind, name);
  }
  const kind = binaryKind(bytes);
  if (kind) throw notADocument(kind, name);
  const decoded = decodeText(bytes);
  if (!decoded) throw notADocument('binary', name);
  if (isMhtml(decoded.text)) throw notADocument('mhtml', name);
  return { format: 'text', decoded };
}
