import ExcelJS from 'exceljs';
import {
  assessmentSettingsSchema,
  neutraliseFormula,
  planFileSchema,
  restoreFormulaText,
  type PlanFile,
} from '@pm/core';
import { xlsxRefusal } from '@pm/api';

const PLAN_SHEET = '规划 Plan';
const INDICATOR_SHEET = '指标 Indicators';
const REVISION_SHEET = '调整 Revisions';

const TARGET_COLUMNS = [
  'form',
  'baseline',
  'value',
  'rate',
  'cumulative',
  'sumOf',
  'comparator',
  'tolerance',
  'direction',
  'linkedTo',
  'baselineYear',
] as const;

/** Columns a workbook written before they existed may lack: an empty cell reads the same. */
const OPTIONAL = new Set<string>(['target.baselineYear', 'raw.reading']);

/** The indicator columns, each a path into an indicator of the interchange format. */
const COLUMNS = [
  'seq',
  'category',
  'name',
  'unit',
  'attribute',
  'leadDepartment',
  'raw.baseline',
  'raw.target',
  'raw.rate',
  'raw.attribute',
  'raw.merged',
  'raw.reading',
  ...TARGET_COLUMNS.map((c) => `target.${c}` as const),
  'source.document',
  'source.line',
  'source.kind',
  'source.quote',
] as const;

const TEXT_COLUMNS = new Set<string>(['text', 'document', 'reason', 'revisedBy', 'revisedAt']);

/** A row per revision (动态调整) of an indicator's target, `seq` naming the indicator. */
const REVISION_COLUMNS = [
  'seq',
  'fromYear',
  'text',
  'document',
  'reason',
  'revisedBy',
  'revisedAt',
  ...TARGET_COLUMNS.map((c) => `target.${c}` as const),
] as const;

const SETTING_KEYS = Object.keys(
  assessmentSettingsSchema.shape,
) as (keyof typeof assessmentSettingsSchema.shape)[];
const PLAN_KEYS = [
  'format',
  'district.code',
  'district.name',
  'district.city',
  'district.province',
  'plan.title',
  'plan.baselineYear',
  'plan.midtermYear',
  'plan.targetYear',
  ...SETTING_KEYS.map((k) => `plan.settings.${k}`),
];

type Cell = string | number | null;

function get(obj: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      obj,
    );
}

function set(obj: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys.at(-1)!] = value;
}

/** A written cell: text that would start a formula is made inert (`cellValue` undoes it). */
const written = (value: unknown): Cell => neutraliseFormula(toCell(value));

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'number' ? value : String(value);
}

/** The plan as a workbook: a key/value sheet for the plan and a row per indicator. */
export async function planToXlsx(file: PlanFile): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const plan = wb.addWorksheet(PLAN_SHEET);
  plan.columns = [
    { header: 'key', width: 28 },
    { header: 'value', width: 60 },
  ];
  for (const key of PLAN_KEYS) plan.addRow([key, written(get(file, key))]);
  const sheet = wb.addWorksheet(INDICATOR_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: c === 'name' || c === 'source.quote' ? 40 : 14,
  }));
  for (const ind of file.indicators) sheet.addRow(COLUMNS.map((c) => written(get(ind, c))));
  sheet.getRow(1).font = { bold: true };
  const revisions = wb.addWorksheet(REVISION_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  revisions.columns = REVISION_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: c === 'document' || c === 'reason' ? 40 : 14,
  }));
  for (const ind of file.indicators) {
    for (const r of ind.revisions) {
      const row = { ...r, seq: ind.seq };
      revisions.addRow(REVISION_COLUMNS.map((c) => written(get(row, c))));
    }
  }
  revisions.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface SheetProblem {
  /** Sheet and cell, as Excel writes them: `'指标 Indicators'!N6`. */
  cell: string;
  message: string;
}

function cellValue(cell: ExcelJS.Cell): Cell {
  const v = cell.value;
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return restoreFormulaText(v);
  if (typeof v === 'object' && 'richText' in v)
    return restoreFormulaText(v.richText.map((r) => r.text).join(''));
  if (typeof v === 'object' && 'result' in v) return toCell(v.result);
  return String(v);
}

/** Reads a workbook written by `planToXlsx` (and edited by a person) back into a plan file. */
export async function planFromXlsx(
  data: Buffer,
): Promise<{ file: PlanFile | null; problems: SheetProblem[] }> {
  const refusal = xlsxRefusal(data, { inflate: true });
  if (refusal) return { file: null, problems: [{ cell: '(file)', message: refusal.message }] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    return {
      file: null,
      problems: [{ cell: '(file)', message: `not an .xlsx workbook: ${(error as Error).message}` }],
    };
  }
  const plan = wb.getWorksheet(PLAN_SHEET);
  const sheet = wb.getWorksheet(INDICATOR_SHEET);
  const missing = [plan ? null : PLAN_SHEET, sheet ? null : INDICATOR_SHEET].filter(Boolean);
  if (!plan || !sheet)
    return {
      file: null,
      problems: [{ cell: '(file)', message: `missing sheet(s): ${missing.join(', ')}` }],
    };

  const json: Record<string, unknown> = {};
  const planRowOf = new Map<string, number>();
  plan.eachRow((row, r) => {
    if (r === 1) return;
    const key = cellValue(row.getCell(1));
    if (typeof key !== 'string') return;
    planRowOf.set(key, r);
    set(json, key, cellValue(row.getCell(2)));
  });
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  const colOf = new Map(header.map((h, i) => [h, i + 1]));
  const problems: SheetProblem[] = COLUMNS.filter((c) => !colOf.has(c) && !OPTIONAL.has(c)).map(
    (c) => ({ cell: `'${INDICATOR_SHEET}'!1`, message: `column ${c} is missing` }),
  );
  const revisionSheet = wb.getWorksheet(REVISION_SHEET);
  const revisionHeader = revisionSheet
    ? (revisionSheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''))
    : [];
  const revisionColOf = new Map(revisionHeader.map((h, i) => [h, i + 1]));
  if (revisionSheet) {
    for (const c of REVISION_COLUMNS.filter((c) => !revisionColOf.has(c) && !OPTIONAL.has(c)))
      problems.push({ cell: `'${REVISION_SHEET}'!1`, message: `column ${c} is missing` });
  }
  if (problems.length > 0) return { file: null, problems };
  const indicators: Record<string, unknown>[] = [];
  const rowOfSeq = new Map<unknown, Record<string, unknown>>();
  sheet.eachRow((row, r) => {
    if (r === 1) return;
    const ind: Record<string, unknown> = { revisions: [] };
    for (const c of COLUMNS) {
      const col = colOf.get(c);
      const v = col === undefined ? null : cellValue(row.getCell(col));
      if (c === 'raw.merged') {
        if (v !== null) set(ind, c, String(v).split(','));
      } else if (c === 'raw.reading') {
        // How the reader read the cells, when it departed from them: absent, not null, when none.
        if (v !== null) set(ind, c, String(v));
      } else set(ind, c, v);
    }
    indicators.push(ind);
    rowOfSeq.set(ind.seq, ind);
  });
  json.indicators = indicators;
  /** Sheet row of each revision, by indicator index and revision index, to point at problems. */
  const revisionRow = new Map<string, number>();
  const strays: SheetProblem[] = [];
  revisionSheet?.eachRow((row, r) => {
    if (r === 1) return;
    const revision: Record<string, unknown> = {};
    for (const c of REVISION_COLUMNS) {
      const col = revisionColOf.get(c);
      const v = col === undefined ? null : cellValue(row.getCell(col));
      // A person retyping "65" in the text cell makes it a number; the text stays text.
      set(revision, c, TEXT_COLUMNS.has(c) && typeof v === 'number' ? String(v) : v);
    }
    const { seq, ...rest } = revision;
    const ind = rowOfSeq.get(seq);
    if (!ind) {
      strays.push({
        cell: `'${REVISION_SHEET}'!A${r}`,
        message: `seq ${String(seq)} is no indicator of the plan`,
      });
      return;
    }
    const list = ind.revisions as unknown[];
    revisionRow.set(`${indicators.indexOf(ind)}.${list.length}`, r);
    list.push(rest);
  });
  if (strays.length > 0) return { file: null, problems: strays };

  const result = planFileSchema.safeParse(json);
  if (result.success) return { file: result.data, problems: [] };
  for (const issue of result.error.issues) {
    const [head, index, ...rest] = issue.path.map(String);
    let cell: string;
    if (head === 'indicators' && index !== undefined && rest[0] === 'revisions') {
      const [, k, ...field] = rest;
      const col = revisionColOf.get(field.join('.'));
      const letter = col ? revisionSheet!.getColumn(col).letter : '';
      cell = `'${REVISION_SHEET}'!${letter}${revisionRow.get(`${index}.${k}`) ?? ''}`;
    } else if (head === 'indicators' && index !== undefined) {
      const col = colOf.get(rest.join('.')) ?? colOf.get(rest[0] ?? '');
      const letter = col ? sheet.getColumn(col).letter : '';
      cell = `'${INDICATOR_SHEET}'!${letter}${Number(index) + 2}`;
    } else {
      const key = issue.path.map(String).join('.');
      const r = planRowOf.get(key);
      cell = r ? `'${PLAN_SHEET}'!B${r}` : `'${PLAN_SHEET}' (${key})`;
    }
    problems.push({ cell, message: issue.message });
  }
  return { file: null, problems };
}
