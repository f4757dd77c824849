/** One CSV record with the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Reads RFC 4180 CSV: commas, double quotes with "" inside, CRLF or LF, a BOM. Blank lines are
 * skipped. An unclosed quote is reported with the line it opened on. The quote `writeCsv` puts
 * before formula-like text is taken off.
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
    cells.push(restoreFormulaText(cell));
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
      cells.push(restoreFormulaText(cell));
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

/**
 * Text a spreadsheet would run as a formula (= + - @, or a tab or CR before one), also after
 * quotes we put in front: so that taking one quote off gives back exactly what was written.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A cell made inert for spreadsheets (OWASP CSV injection): a single quote in front of text that
 * would start a formula. Numbers are not text and stay as they are.
 */
export function neutraliseFormula<T extends string | number | null | undefined>(cell: T): T {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? (`'${cell}` as T) : cell;
}

/** The text `neutraliseFormula` was given; text it would not have changed comes back as it is. */
export function restoreFormulaText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text) ? text.slice(1) : text;
}

/**
 * Writes RFC 4180 CSV with CRLF line ends; quotes a cell only when it must. Text that would start
 * a formula gets a quote in front (`readCsv` takes it off); numbers stay numbers.
 */
export function writeCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (c: string | number | null) => {
    const s = c === null ? '' : typeof c === 'number' ? String(c) : neutraliseFormula(c);
    return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => `${r.map(cell).join(',')}\r\n`).join('');
}
