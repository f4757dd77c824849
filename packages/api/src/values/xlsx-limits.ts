import { inflateRawSync } from 'node:zlib';

/**
 * What an uploaded workbook may hold before it is parsed. A district's entry template is ~10 KB
 * zipped and ~35 KB unzipped with one row per indicator; a plan workbook about as much.
 */
export const XLSX_LIMITS = {
  /** Everything in the archive, unzipped. */
  uncompressedBytes: 20 * 1024 * 1024,
  entries: 500,
  /** Rows of any one sheet. */
  rows: 5000,
  /** Cells of all sheets: exceljs needs ~1 KB of memory for each. */
  cells: 200_000,
} as const;

/** Why a workbook is refused before parsing: the catalog key (`values.sheet.<key>`) and its words. */
export interface XlsxRefusal {
  key: 'tooLarge' | 'tooManyRows' | 'tooManyCells' | 'notXlsx';
  params: Record<string, string | number>;
  message: string;
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

class BadZip extends Error {}

const MB = 1024 * 1024;

/**
 * Checks a workbook against `XLSX_LIMITS` without parsing it: the sizes and count its central
 * directory declares (microseconds); with `inflate`, also what each entry really unzips to,
 * inflating no further than it declares, and the rows of each worksheet. Null when it is fine.
 */
export function xlsxRefusal(data: Uint8Array, options: { inflate: boolean }): XlsxRefusal | null {
  const zip = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let entries: Entry[];
  try {
    entries = centralDirectory(zip);
  } catch (error) {
    if (!(error instanceof BadZip)) throw error;
    return notXlsx(error.message);
  }
  if (entries.length > XLSX_LIMITS.entries)
    return notXlsx(`it holds ${entries.length} files, more than ${XLSX_LIMITS.entries}`);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > XLSX_LIMITS.uncompressedBytes) return tooLarge(declared);
  if (!options.inflate) return null;
  let cells = 0;
  for (const entry of entries) {
    let content: Buffer;
    try {
      content = unzip(zip, entry);
    } catch (error) {
      if (error instanceof RangeError)
        return notXlsx(`${entry.name} unzips to more than the ${entry.size} bytes it declares`);
      return notXlsx(`${entry.name} cannot be unzipped (${(error as Error).message})`);
    }
    if (content.length !== entry.size)
      return notXlsx(`${entry.name} unzips to ${content.length} bytes, not ${entry.size}`);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) {
      const rows = countElements(content, '<row');
      cells += countElements(content, '<c');
      if (rows > XLSX_LIMITS.rows)
        return {
          key: 'tooManyRows',
          params: { sheet: entry.name, rows, limit: XLSX_LIMITS.rows },
          message: `${entry.name} has ${rows} rows; a workbook may have at most ${XLSX_LIMITS.rows} rows per sheet`,
        };
    }
  }
  if (cells > XLSX_LIMITS.cells)
    return {
      key: 'tooManyCells',
      params: { cells, limit: XLSX_LIMITS.cells },
      message: `the workbook has ${cells} cells; it may have at most ${XLSX_LIMITS.cells}`,
    };
  return null;
}

function tooLarge(bytes: number): XlsxRefusal {
  const size = `${(bytes / MB).toFixed(1)} MB`;
  const limit = XLSX_LIMITS.uncompressedBytes / MB;
  return {
    key: 'tooLarge',
    params: { size, limit },
    message: `the workbook is too large unzipped: ${size}, at most ${limit} MB`,
  };
}

function notXlsx(detail: string): XlsxRefusal {
  return { key: 'notXlsx', params: { detail }, message: `not an .xlsx workbook: ${detail}` };
}

/** The archive's files as its central directory lists them; zip64 and encryption are refused. */
function centralDirectory(zip: Buffer): Entry[] {
  const end = endOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  const size = zip.readUInt32LE(end + 12);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new BadZip('zip64 archives are not read');
  if (at + size > end) throw new BadZip('its central directory is out of bounds');
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== 0x02014b50)
      throw new BadZip('its central directory is damaged');
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (zip.readUInt16LE(at + 8) & 1) throw new BadZip(`${name} is encrypted`);
    const local = zip.readUInt32LE(at + 42);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50)
      throw new BadZip(`${name} has no local header`);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const entry = {
      name,
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      dataStart,
    };
    if (entry.method !== 0 && entry.method !== 8)
      throw new BadZip(`${name} uses compression method ${entry.method}`);
    if (dataStart + entry.compressedSize > zip.length) throw new BadZip(`${name} is cut short`);
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

function endOfCentralDirectory(zip: Buffer): number {
  const last = zip.length - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (zip.readUInt32LE(at) === 0x06054b50) return at;
  }
  throw new BadZip('it is not a zip archive');
}

/** An entry's content, inflated to at most the size it declares (RangeError beyond). */
function unzip(zip: Buffer, entry: Entry): Buffer {
  const raw = zip.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) return raw;
  return inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) });
}

/** Elements `<tag …>`, `<tag>` and `<tag/>` (not `<tagOther>`), as a parser would find them. */
function countElements(xml: Buffer, open: string): number {
  let count = 0;
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at + open.length)) {
    const next = xml[at + open.length]!;
    if (next === 0x20 || next === 0x3e || next === 0x2f || (next >= 0x09 && next <= 0x0d)) count++;
  }
  return count;
}
