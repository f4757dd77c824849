/**
 * A plan document as the table reader sees it, whatever it was stored as (issue 17): its running
 * text, and the tables found in it as rows of cells, each cell with the place it was printed. The
 * format readers (text and markdown in core; HTML, Word and PDF on the server, packages/documents)
 * produce this; `readDocumentTable` (core) reads the main-indicator table from it.
 */

/** What a document was stored as, recognised by content (not by file name). */
export type DocumentFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

/**
 * Where something was printed, as a person can find it again: a line of a text file, a page of
 * a PDF, a table row and column of a Word or HTML table. 1-based; absent parts are unknown.
 */
export interface Place {
  line?: number;
  page?: number;
  /** The table's number in the document (1 = the first table), for Word, HTML and PDF. */
  table?: number;
  row?: number;
  col?: number;
}

/** One cell of a source table, its text as printed (lines of a wrapped cell joined with "\n"). */
export interface SourceCell {
  text: string;
  place: Place;
  /** A merged cell: how many grid columns or rows it covers (1 when not merged). */
  colSpan?: number;
  rowSpan?: number;
  /**
   * A grid position covered by a merged cell above or to the left: `text` repeats the merged
   * cell's text and `place` is the merged cell's.
   */
  mergedFrom?: 'above' | 'left';
}

/** A table of the document: rows of cells on one grid (merged cells expanded). */
export interface SourceTable {
  /** The caption printed above it (表1 …主要指标表), if any. */
  caption: { text: string; place: Place } | null;
  rows: SourceCell[][];
  /** Where the table starts. */
  place: Place;
}

/** A plan document, read. */
export interface PlanDocument {
  /** The file name, as the user gave it. */
  name: string;
  format: DocumentFormat;
  /** The running text, one entry per printed line (paragraphs of Word, lines of a PDF page). */
  lines: { text: string; place: Place }[];
  tables: SourceTable[];
  /** What the format reader could not read, with where. */
  problems: { place: Place; message: string }[];
}

/** "第 12 行" / "第 3 页" / "表 2 第 4 行第 3 列": a place in the user's language. */
export function placeText(place: Place, lang: 'zh' | 'en' = 'zh'): string {
  const parts: string[] = [];
  if (lang === 'zh') {
    if (place.page !== undefined) parts.push(`第 ${place.page} 页`);
    if (place.line !== undefined) parts.push(`第 ${place.line} 行`);
    if (place.table !== undefined) parts.push(`表 ${place.table}`);
    if (place.row !== undefined) parts.push(`第 ${place.row} 行`);
    if (place.col !== undefined) parts.push(`第 ${place.col} 列`);
    return parts.join(' ') || '文档';
  }
  if (place.page !== undefined) parts.push(`page ${place.page}`);
  if (place.line !== undefined) parts.push(`line ${place.line}`);
  if (place.table !== undefined) parts.push(`table ${place.table}`);
  if (place.row !== undefined) parts.push(`row ${place.row}`);
  if (place.col !== undefined) parts.push(`column ${place.col}`);
  return parts.join(', ') || 'document';
}
