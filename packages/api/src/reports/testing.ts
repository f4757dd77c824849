import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import {
  EVALUATION_FORMAT,
  reviewPlan,
  roundKind,
  type EvaluationSnapshot,
  type Indicator,
  type IndicatorAssessment,
  type Narrative,
  type Signer,
  type PlanSummary,
  type ReviewRecord,
  type SourcedValue,
} from '@pm/core';
import { builtInPlans, type EvaluationRound } from '@pm/db';
import { evaluationView, type EvaluationView } from '../views/evaluation';
import { assessInput } from '../views/scorecard';

/** One file of a zip archive (a .docx or .xlsx), read from its central directory. */
export function zipEntry(zip: Buffer, name: string): Buffer | null {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  let at = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    }
    at += 46 + skip;
  }
  return null;
}

/** The text of a Word document's body, its runs joined. */
export function docxText(docx: Buffer): string {
  const xml = zipEntry(docx, 'word/document.xml')?.toString('utf8') ?? '';
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** The rows of a Word document's tables, each cell's runs joined. */
export function docxTables(docx: Buffer): string[][][] {
  const xml = zipEntry(docx, 'word/document.xml')?.toString('utf8') ?? '';
  const runs = (x: string) =>
    [...x.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const all = (x: string, tag: string) =>
    [...x.matchAll(new RegExp(`<w:${tag}[ >][\\s\\S]*?</w:${tag}>`, 'g'))].map((m) => m[0]);
  return all(xml, 'tbl').map((t) => all(t, 'tr').map((r) => all(r, 'tc').map(runs)));
}

/** A workbook's sheet as rows of cell values, from the first row on. */
export async function xlsxRows(xlsx: Buffer, sheet: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as unknown as ArrayBuffer);
  const ws = book.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

/** Yuhua's built-in plan (2020–2025, mid-term 2023): the fixture every report test reads. */
const yuhua = () => builtInPlans().find((p) => p.district.code === '130108')!;

const actual = (seq: number, year: number, value: number): SourcedValue => ({
  seq,
  year,
  kind: 'actual',
  value,
  source: null,
});

/** Actuals of one indicator from 2021 on. */
export const actuals = (seq: number, ...values: number[]): SourcedValue[] =>
  values.map((v, k) => actual(seq, 2021 + k, v));

export const assigned = (seq: number, year: number, value: number): SourcedValue => ({
  ...actual(seq, year, value),
  kind: 'assigned_target',
});

function round(year: number, status: EvaluationRound['status']): EvaluationRound {
  return {
    id: 1,
    planId: 1,
    year,
    kind: roundKind(yuhua().plan, year),
    status,
    openedBy: 'wang',
    openedAt: new Date('2026-01-05T00:00:00Z'),
    finalizedBy: status === 'finalized' ? 'li' : null,
    finalizedAt: status === 'finalized' ? new Date('2026-02-01T00:00:00Z') : null,
    reviews: 0,
  };
}

export interface Fixture {
  values: SourcedValue[];
  /** Sections a reviewer saved; the drafts stand without. */
  narrative?: Narrative;
  reviews?: ReviewRecord[];
  /** Targets revised (动态调整): indicator `seq`'s T becomes `value` from `fromYear` on. */
  revise?: { seq: number; fromYear: number; value: number }[];
}

function revised(i: Indicator, f: Fixture): Indicator {
  const revisions = (f.revise ?? [])
    .filter((r) => r.seq === i.seq)
    .map((r) => ({
      fromYear: r.fromYear,
      target: { ...i.target, value: r.value },
      text: String(r.value),
      document: '中期评估调整方案',
      reason: '按中期评估结论调整',
      revisedBy: null,
      revisedAt: null,
    }));
  return revisions.length > 0 ? { ...i, revisions } : i;
}

function input(f: Fixture) {
  const file = yuhua();
  const indicators = file.indicators.map((i) => revised(i, f));
  return { planId: 1, file: { ...file, indicators }, values: f.values, demo: false };
}

/** The reviewer who signs the fixtures' reports. */
export const SIGNER: Signer = { name: '赵明', unit: '裕华区发展和改革局' };

/** An open round of Yuhua's plan at `year`, read live. */
export const openView = (year: number, f: Fixture): EvaluationView =>
  evaluationView(
    {
      round: round(year, 'open'),
      reviews: f.reviews ?? [],
      input: input(f),
      snapshot: null,
      narrative: f.narrative
        ? { sections: f.narrative, by: 'zhao', at: new Date('2026-11-30T02:00:00Z') }
        : null,
    },
    SIGNER,
  );

/** A reviewer's decision on one indicator of a fixture round. */
export const review = (
  r: Partial<ReviewRecord> & Pick<ReviewRecord, 'seq' | 'computedStatus'>,
): ReviewRecord => ({
  decision: 'confirmed',
  finalStatus: r.computedStatus,
  reason: null,
  comment: null,
  reviewedBy: 'zhao',
  reviewedAt: '2024-01-20T00:00:00.000Z',
  ...r,
});

const V2_ONLY = ['ahead', 'basically_achieved', 'not_achieved'];

/** Counts as v1 stored them: its seven statuses only. */
function sevenOf(c: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(c).filter(([s]) => !V2_ONLY.includes(s)));
}

function v1Summary(s: PlanSummary) {
  const of = (r: Record<string, Record<string, number>>) =>
    Object.fromEntries(Object.entries(r).map(([k, c]) => [k, sevenOf(c)]));
  return {
    ...s,
    byStatus: sevenOf(s.byStatus),
    byCategory: of(s.byCategory),
    byAttribute: of(s.byAttribute),
  };
}

function v1Assessment(a: IndicatorAssessment) {
  const { phase: _phase, revision: _revision, ...rest } = a;
  return rest;
}

/**
 * A round finalized under v1 rules at `year`, as v1 stored it: no rules, no phase or revision on
 * an assessment, seven statuses in every count. The fixture's statuses must be v1's.
 */
export function v1View(year: number, f: Fixture): EvaluationView {
  const { file, values } = input(f);
  const result = reviewPlan(assessInput({ file, values }, year), f.reviews ?? []);
  const snapshot = {
    format: EVALUATION_FORMAT,
    district: file.district,
    plan: file.plan,
    indicators: file.indicators,
    values,
    demo: false,
    openedBy: 'wang',
    openedAt: '2024-01-05T00:00:00.000Z',
    finalizedBy: 'li',
    finalizedAt: '2024-02-01T00:00:00.000Z',
    result: {
      ...result,
      computedSummary: v1Summary(result.computedSummary),
      summary: v1Summary(result.summary),
      indicators: result.indicators.map((i) => ({
        ...i,
        computed: v1Assessment(i.computed),
        final: v1Assessment(i.final),
      })),
    },
  } as unknown as EvaluationSnapshot;
  return evaluationView({
    round: round(year, 'finalized'),
    reviews: [],
    input: null,
    snapshot,
    narrative: null,
  });
}

/**
 * The mid-term round of 2023 (data to 2023): 提前实现 #5, 快于预期 #4 and #7, 基本符合预期 #1,
 * 滞后预期 #10, 严重滞后 #11 and the binding #16 (assigned 70, actual 66), 待下达目标 #13.
 */
export const midtermRound = () =>
  openView(2023, {
    values: [
      ...actuals(1, 6.5, 5.0, 5.6),
      ...actuals(4, 58, 62, 66),
      ...actuals(5, 20.9, 21.3, 21.7),
      ...actuals(7, 9.0, 8.5, 8.8),
      ...actuals(10, 9.6, 9.8, 10.0),
      ...actuals(11, 96, 95, 94),
      ...actuals(13, 11, 11.1, 11.2),
      ...actuals(16, 60, 62, 66),
      assigned(16, 2023, 70),
    ],
  });

/**
 * The final round, E = Y = 2025 with 2025 figures: 完成 #4 (revised in 2024 from 70 to 65) and
 * #5, 基本完成 #1 and #10, 未完成 #7 and the binding #16. `mixed` leaves #4 at 69.5 in
 * 2024, graded midway (快于预期), so the round has indicators of both phases.
 */
export function finalRound(options: { mixed?: boolean; reviews?: ReviewRecord[] } = {}) {
  return openView(2025, {
    reviews: options.reviews ?? [],
    values: [
      ...actuals(1, 5.2, 5.2, 5.2, 5.2, 5.2),
      ...(options.mixed ? actuals(4, 58, 62, 64, 69.5) : actuals(4, 58, 62, 64, 64.5, 65)),
      ...actuals(5, 20.9, 21.3, 21.7, 21.8, 21.9),
      ...actuals(7, 3, 3, 3, 3, 3),
      ...actuals(10, 9.6, 9.8, 10.0, 10.5, 10.95),
      ...actuals(16, 60, 62, 66, 67, 66),
      assigned(16, 2025, 70),
    ],
    revise: options.mixed ? [] : [{ seq: 4, fromYear: 2024, value: 65 }],
  });
}

/**
 * The mid-term round as v1 finalized it: 已完成 #4, 符合预期 #1, 进度滞后 #10, and #16 computed
 * 严重滞后 and overridden to 进度滞后 with a reason (ending in its own 。).
 */
export const v1Round = () =>
  v1View(2023, {
    values: [
      ...actuals(1, 6.5, 5.0, 5.6),
      ...actuals(4, 58, 62, 70),
      ...actuals(10, 9.6, 9.8, 10.0),
      ...actuals(16, 60, 62, 66),
      assigned(16, 2023, 70),
    ],
    reviews: [
      review({
        seq: 16,
        computedStatus: 'seriously_lagging',
        decision: 'overridden',
        finalStatus: 'lagging',
        reason: '受区域传输影响。',
      }),
    ],
  });
