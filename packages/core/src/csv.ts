/** One CSV record with the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Reads RFC 4180 CSV: commas, double quotes with "" inside, CRLF or LF, a BOM. Blank lines are
 * skipped. An unclosed quote is reported with the line it opened on.
 */
export function readCsv(text: string): {
  records: CsvRecord[];
  error: { line: number; message: string } | null;
} {
  const records: CsvRecord[] = [];
  const src = text.replace(/^\uFEFF/, '');
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      cell += ch;
    }
  }
  if (quoted)
    return { records, error: { line: quoteLine, message: 'a quoted cell is never closed' } };
  endRecord();
  return { records, error: null };
}

/** Writes RFC 4180 CSV with CRLF line ends; quotes a cell only when it must. */
export function writeCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (c: string | number | null) => {
    const s = c === null ? '' : String(c);
    return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => `${r.map(cell).join(',')}\r\n`).join('');
}
