import { z } from 'zod';
import {
  attributeWords,
  districtSchema,
  linkTargets,
  PLAN_FORMAT,
  placeText,
  planHeaderSchema,
  readDocumentTable,
  readerMessages,
  readRow,
  type District,
  type DocumentFormat,
  type Indicator,
  type Place,
  type PlanDocument,
  type PlanFile,
  type RawCells,
  type TableProblem,
  type TableRow,
} from '@pm/core';
import type { DocumentError, FileKind } from '@pm/documents';
import { DomainError } from '../errors';

/** A place in both languages, as core's placeText writes it. */
export interface PlaceTexts {
  zh: string;
  en: string;
}

const at = (place: Place | undefined): PlaceTexts => ({
  zh: placeText(place ?? {}, 'zh'),
  en: placeText(place ?? {}, 'en'),
});

export interface DraftProblem {
  place: Place;
  at: PlaceTexts;
  /** The source text, verbatim. */
  text: string;
  /** The reader's English message (logs, CLI). */
  message: string;
  /** The same in both languages, for the person reading the draft. */
  says: PlaceTexts;
}

const problemOf = (p: TableProblem): DraftProblem => {
  const place = p.place ?? (p.line > 0 ? { line: p.line } : {});
  return {
    place,
    at: at(place),
    text: p.text,
    message: p.message,
    says: readerMessages(p.message),
  };
};

/** The cells of a row as the administrator edits them, and reads them again (plans.readDraft). */
export const draftCellsSchema = z.object({
  seq: z.number().int().positive().max(100_000),
  category: z.string().max(200),
  name: z.string().trim().min(1).max(500),
  unit: z.string().max(50).nullable(),
  raw: z.object({
    baseline: z.string().max(2000).nullable(),
    target: z.string().max(2000).nullable(),
    rate: z.string().max(2000).nullable(),
    attribute: z.string().max(200).nullable(),
  }),
  /** Where the row was printed, kept as the indicator's source. */
  source: z
    .object({ line: z.number().int().nonnegative().nullable(), quote: z.string().max(20_000) })
    .optional(),
});
export type DraftCells = z.infer<typeof draftCellsSchema>;

/** One row of the table read from a document, beside its source. */
export interface DraftRow {
  /** The cells to edit, as read (an empty 属性 the reader took as 预期性 filled in so). */
  cells: DraftCells;
  /** The printed 序号 ("8a" for a sub-row). */
  label: string;
  place: Place;
  at: PlaceTexts;
  /** The printed row, verbatim. */
  quote: string;
  indicator: Indicator | null;
  problems: DraftProblem[];
  /** The level an assigned target names (国家, 省, 市), when it is one. */
  assignedBy: string | null;
}

/** What plans.readDocument answers: the draft of a plan read from a document. */
export interface DocumentDraft {
  format: DocumentFormat;
  document: string;
  caption: { text: string; place: Place; at: PlaceTexts } | null;
  /** The plan's header as read; a year is null when the document does not give it. */
  plan: {
    title: string;
    baselineYear: number | null;
    midtermYear: number | null;
    targetYear: number | null;
  };
  rows: DraftRow[];
  /** What the reader could not take that is no row's (a cell outside any row, missing years). */
  problems: DraftProblem[];
  notes: DraftProblem[];
  footnotes: { place: Place; at: PlaceTexts; text: string }[];
  /** The draft plan file (the rows read), null when the plan's years are not known. */
  file: PlanFile | null;
}

/**
 * The draft of a plan from a document read by packages/documents: core's readDocumentTable,
 * made JSON-safe with each place in both languages. A document without a main-indicator table
 * is refused.
 */
export function documentDraft(doc: PlanDocument, district: District): DocumentDraft {
  const read = readDocumentTable(doc, { district, document: doc.name });
  if (read.rows.length === 0)
    throw new DomainError(
      'BAD_REQUEST',
      'plans.document.noTable',
      `${doc.name}: ${read.problems[0]?.message ?? 'no main-indicator table found'}`,
      { name: doc.name },
    );
  const own = new Set(read.rows.flatMap((r) => r.problems));
  const rows = read.rows.map((r): DraftRow => {
    const attribute =
      r.raw.attribute ?? (r.indicator ? attributeWords[r.indicator.attribute].zh : null);
    return {
      cells: {
        seq: r.seq,
        category: r.category,
        name: r.name,
        unit: r.unit,
        raw: {
          baseline: r.raw.baseline,
          target: r.raw.target,
          rate: r.raw.rate,
          attribute,
        },
        source: { line: r.line > 0 ? r.line : null, quote: r.quote },
      },
      label: r.label,
      place: r.place,
      at: at(r.place),
      quote: r.quote,
      indicator: r.indicator,
      problems: r.problems.map(problemOf),
      assignedBy: r.assignedBy,
    };
  });
  const header = read.file?.plan;
  return {
    format: doc.format,
    document: doc.name,
    caption: read.caption && { ...read.caption, at: at(read.caption.place) },
    plan: {
      title: header?.title ?? (read.caption?.text || doc.name),
      baselineYear: header?.baselineYear ?? read.years.baseline,
      midtermYear: header?.midtermYear ?? null,
      targetYear: header?.targetYear ?? read.years.target,
    },
    rows,
    problems: [
      ...doc.problems.map((p) => problemOf({ line: 0, text: '', ...p })),
      ...read.problems.filter((p) => !own.has(p)).map(problemOf),
    ],
    notes: read.notes.map(problemOf),
    footnotes: read.footnotes.map((f) => ({ ...f, at: at(f.place) })),
    file: read.file,
  };
}

export const readDraftSchema = z.object({
  district: districtSchema,
  /** The document's name, kept as each indicator's source. */
  document: z.string().trim().min(1).max(300),
  plan: planHeaderSchema,
  rows: z.array(draftCellsSchema).min(1).max(1000),
});
export type ReadDraftInput = z.infer<typeof readDraftSchema>;

/** What plans.readDraft answers: each row read again, and the plan file of them all. */
export interface DraftReading {
  rows: { seq: number; indicator: Indicator | null; problems: DraftProblem[] }[];
  problems: DraftProblem[];
  /** The plan file, when every row was read; null while any row has a problem. */
  file: PlanFile | null;
}

/**
 * Reads the administrator's edited rows with the same parser as a document's (core's readRow and
 * linkTargets): the browser never parses a target.
 */
export function readDraft(input: ReadDraftInput): DraftReading {
  const seen = new Map<number, number>();
  const rows = input.rows.map((cells, i) => {
    const row: TableRow = {
      seq: cells.seq,
      label: String(cells.seq),
      category: cells.category.trim(),
      name: cells.name,
      unit: cells.unit?.trim() ? cells.unit.trim() : null,
      raw: blanksAsNull(cells.raw),
      line: cells.source?.line ?? 0,
      place: {},
      quote: cells.source?.quote ?? '',
      cells: {},
      marks: [],
    };
    const reading = readRow(row, input.document);
    const problems = reading.problems.map(problemOf);
    const first = seen.get(cells.seq);
    if (first !== undefined)
      problems.push(
        problemOf({
          line: 0,
          text: String(cells.seq),
          message: `row ${cells.seq}: 序号 ${cells.seq} is given twice (first in draft row ${first})`,
        }),
      );
    else seen.set(cells.seq, i + 1);
    return { seq: cells.seq, indicator: problems.length > 0 ? null : reading.indicator, problems };
  });
  const linked = linkTargets(rows.flatMap((r) => (r.indicator ? [r.indicator] : [])));
  for (const r of rows)
    r.indicator = r.indicator && (linked.indicators.find((i) => i.seq === r.seq) ?? null);
  const problems = linked.problems.map(problemOf);
  const complete = rows.every((r) => r.indicator) && problems.length === 0;
  const file: PlanFile | null = complete
    ? {
        format: PLAN_FORMAT,
        district: input.district,
        plan: input.plan,
        indicators: linked.indicators,
      }
    : null;
  return { rows, problems, file };
}

const blank = (s: string | null) => (s === null || s.trim() === '' ? null : s);

function blanksAsNull(raw: DraftCells['raw']): RawCells {
  return {
    baseline: blank(raw.baseline),
    target: blank(raw.target),
    rate: blank(raw.rate),
    attribute: blank(raw.attribute),
  };
}

/**
 * A file that is no plan document we read, as a person acts on it: the key says why, `kind` what
 * the file is (a FileKind of packages/documents, each named in the web catalog as
 * plans.document.kind.<kind>); the message is the reader's English.
 */
export function documentRefusal(error: DocumentError, name: string): DomainError {
  const resave = error.reason === 'not_a_document' && RESAVE.includes(error.kind);
  const key = resave ? 'resave' : REFUSAL_KEYS[error.reason];
  return new DomainError('BAD_REQUEST', `plans.document.${key}`, error.message, {
    name,
    kind: error.kind,
  });
}

/** Files Word or WPS opens and saves again as .docx. */
const RESAVE: FileKind[] = ['old-office', 'opendocument', 'rtf', 'mhtml'];

const REFUSAL_KEYS: Record<DocumentError['reason'], string> = {
  not_a_document: 'notADocument',
  broken: 'broken',
  scanned: 'scanned',
  encrypted: 'encrypted',
};
