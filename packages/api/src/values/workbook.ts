import ExcelJS from 'exceljs';
import {
  attributeWords,
  comparatorInForce,
  comparatorInputSchema,
  comparatorSchema,
  comparatorWords,
  isDemo,
  neutraliseFormula,
  periodKey,
  periodLabel,
  readFigure,
  restoreFormulaText,
  type Comparator,
  type EntryGrid,
  type EntryRow,
  type StoredValue,
  type ValueChange,
  valueStateWords,
} from '@pm/core';
import { xlsxRefusal } from './xlsx-limits';

export const VALUES_WORKBOOK_FORMAT = 'plan-monitor/values@2';
/** Templates made before assigned targets had their own comparator; they upload as before. */
const FORMAT_V1 = 'plan-monitor/values@1';
const ABOUT = '说明 About';
const ENTRY = '填报 Entry';

/** The entry sheet's columns; the last seven are hidden and record what the template was made from. */
const COLUMNS = [
  ['seq', '序号 seq', 6],
  ['category', '类别 category', 10],
  ['name', '指标 indicator', 36],
  ['unit', '单位 unit', 10],
  ['attribute', '属性 attribute', 8],
  ['baseline', '基数 baseline', 10],
  ['target', '规划目标 target', 16],
  ['last', '上年值 last year', 12],
  ['actual', '本年实际值 actual', 14],
  ['assigned', '市下达目标 assigned target', 14],
  ['comparator', '比较方式 comparator', 12],
  ['source', '来源 source', 14],
  ['note', '备注 note', 24],
  ['reason', '确认理由 reason', 24],
  ['state', '状态 state', 16],
  ['actualVersion', 'version:actual', 4],
  ['actualWas', 'was:actual', 4],
  ['assignedVersion', 'version:assigned', 4],
  ['assignedWas', 'was:assigned', 4],
  ['sourceWas', 'was:source', 4],
  ['noteWas', 'was:note', 4],
  ['comparatorWas', 'was:comparator', 4],
] as const;
type Column = (typeof COLUMNS)[number][0];
type Layout = readonly (typeof COLUMNS)[number][];
/** The columns of each template format: values@1 had no comparator. */
const LAYOUTS = new Map<string, Layout>([
  [VALUES_WORKBOOK_FORMAT, COLUMNS],
  [FORMAT_V1, COLUMNS.filter(([k]) => k !== 'comparator' && k !== 'comparatorWas')],
]);
/** The column number of `key` in `layout`; 0 when the layout has no such column. */
const colIn = (layout: Layout, key: Column) => layout.findIndex(([k]) => k === key) + 1;
const col = (key: Column) => colIn(COLUMNS, key);
const HIDDEN_FROM = col('actualVersion');
const EDITABLE: readonly Column[] = [
  'actual',
  'assigned',
  'comparator',
  'source',
  'note',
  'reason',
];

/** The cells of the plan itself: an edit of one is reported, never taken (see `readOnlyWarnings`). */
const FROM_PLAN = ['category', 'name', 'unit', 'attribute', 'baseline', 'target'] as const;
type PlanColumn = (typeof FROM_PLAN)[number];

/**
 * The template's sheets are protected without a password: the protection keeps read-only cells
 * from being typed over by mistake, not from a person who means to (they can lift it in Excel).
 */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

/** The comparators in the words officials read, offered as the comparator cell's list. */
const COMPARATOR_LIST = comparatorSchema.options.map((c) => comparatorWords[c].zh);

type Cell = string | number | null;

function stateText(row: EntryRow): string {
  const part = (label: string, v: StoredValue | null | undefined) =>
    v ? `${label}${valueStateWords[v.state].zh}${isDemo(v) ? '（演示数据）' : ''}` : null;
  return [part('', row.actual?.stored), part('目标', row.assigned?.stored)]
    .filter(Boolean)
    .join('；');
}

function rowCells(row: EntryRow): Record<Column, Cell> {
  const actual = row.actual?.stored ?? null;
  const assigned = row.assigned?.stored ?? null;
  const ind = row.indicator;
  const comparator = row.assigned
    ? comparatorWords[comparatorInForce(ind.target, assigned?.comparator ?? null)].zh
    : null;
  return {
    seq: ind.seq,
    category: ind.category,
    name: ind.name,
    unit: ind.unit,
    attribute: attributeWords[ind.attribute].zh,
    baseline: row.baseline.value,
    target: row.targetText,
    last: row.lastYear?.value ?? null,
    actual: actual?.value ?? null,
    assigned: assigned?.value ?? null,
    comparator,
    source: actual?.source ?? null,
    note: actual?.note ?? null,
    reason: null,
    state: stateText(row),
    actualVersion: actual?.version ?? null,
    actualWas: actual?.value ?? null,
    assignedVersion: assigned?.version ?? null,
    assignedWas: assigned?.value ?? null,
    sourceWas: actual?.source ?? null,
    noteWas: actual?.note ?? null,
    comparatorWas: comparator,
  };
}

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF1F3' } };

/** A drop-down of the comparators; a warning, not a stop, as ≥ or at_least upload as well. */
const COMPARATOR_VALIDATION: ExcelJS.DataValidation = {
  type: 'list',
  allowBlank: true,
  formulae: [`"${COMPARATOR_LIST.join(',')}"`],
  showInputMessage: true,
  promptTitle: '比较方式 comparator',
  prompt: '实际值应如何与市下达目标比较；留空则按规划的要求。',
  showErrorMessage: true,
  errorStyle: 'warning',
  errorTitle: '比较方式 comparator',
  error: `请选择 ${COMPARATOR_LIST.join('、')} 之一。`,
};

/** A pre-filled entry workbook for one district and year: units, targets, last year, this year. */
export async function valuesTemplate(grid: EntryGrid): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const about = wb.addWorksheet(ABOUT);
  about.columns = [
    { header: 'key', width: 12 },
    { header: 'value', width: 90 },
  ];
  const aboutRows: Cell[][] = [
    ['format', VALUES_WORKBOOK_FORMAT],
    ['district', grid.district.code],
    ['name', grid.district.name],
    ['year', grid.year],
    ['period', periodKey(grid.period)],
    ['plan', periodLabel(grid.period)],
    [
      'help',
      `在“${ENTRY}”表的白色单元格填写 ${grid.year} 年实际值、市下达目标、来源和备注；灰色单元格只读，` +
        '工作表已保护（无密码），以免误改序号、指标、单位、基数、规划目标和区县代码；规划目标只能由管理员通过“目标调整”修改，上传时改动的只读单元格不会被采用。' +
        `市下达目标的“比较方式”（${COMPARATOR_LIST.join('、')}）说明实际值应如何与目标比较，默认为规划的要求。` +
        `与上年相比变化超过 ±${Math.round(grid.changeThreshold * 100)}% 或超出合理范围的数值，请在“确认理由”列说明。` +
        '已审核的数值已锁定。上传时整表检查，任何一处有误都不会保存。',
    ],
  ];
  about.addRows(aboutRows.map((r) => r.map(neutraliseFormula)));
  const sheet = wb.addWorksheet(ENTRY, { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  sheet.columns = COLUMNS.map(([key, header, width]) => ({ key, header, width }));
  sheet.getRow(1).font = { bold: true };
  for (let c = HIDDEN_FROM; c <= COLUMNS.length; c++) sheet.getColumn(c).hidden = true;
  for (const row of grid.groups.flatMap((g) => g.rows)) {
    const cells = rowCells(row);
    const added = sheet.addRow(COLUMNS.map(([key]) => neutraliseFormula(cells[key])));
    const open: Record<Column, boolean> = Object.fromEntries(
      COLUMNS.map(([key]) => [key, false]),
    ) as Record<Column, boolean>;
    const actualOpen = row.actual !== null && row.actual.stored?.state !== 'approved';
    const assignedOpen = row.assigned !== null && row.assigned.stored?.state !== 'approved';
    open.actual = actualOpen;
    open.source = actualOpen;
    open.note = actualOpen;
    open.assigned = assignedOpen;
    open.comparator = assignedOpen;
    open.reason = actualOpen || assignedOpen;
    for (const [key] of COLUMNS) {
      if (EDITABLE.includes(key) && open[key])
        added.getCell(col(key)).protection = { locked: false };
      else added.getCell(col(key)).fill = GREY;
    }
    if (assignedOpen) added.getCell(col('comparator')).dataValidation = COMPARATOR_VALIDATION;
  }
  await about.protect('', PROTECTION);
  await sheet.protect('', PROTECTION);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An indicator as a problem names it: 序号 and name. */
export interface SheetIndicator {
  seq: number;
  name: string;
}

export interface SheetProblem {
  /** Sheet and cell, as Excel writes them: `'填报 Entry'!I5`. */
  cell: string;
  key: string;
  params: Record<string, string | number>;
  message: string;
  /** The entry sheet's row the problem is on; absent for the file and the About sheet. */
  row?: number;
  /** The indicator of that row, named as the plan names it; absent where the row names none. */
  indicator?: SheetIndicator;
}

/** A change read from the workbook, with the cells its problems are reported on. */
export interface SheetChange {
  change: ValueChange;
  valueCell: string;
  sourceCell: string;
  row: number;
  indicator: SheetIndicator;
}

/** The cells of a row that come from the plan, as the workbook holds them. */
export interface SheetRow {
  row: number;
  indicator: SheetIndicator;
  cells: Partial<Record<PlanColumn, { cell: string; value: Cell }>>;
}

/** Where the About sheet holds what the template is for. */
export interface AboutCells {
  district: string;
  year: string;
  period: string;
}

function cellValue(cell: ExcelJS.Cell): Cell {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : restoreFormulaText(v);
  if (typeof v === 'object' && 'richText' in v)
    return restoreFormulaText(v.richText.map((r) => r.text).join(''));
  if (typeof v === 'object' && 'result' in v) {
    const r = v.result;
    return typeof r === 'number' || typeof r === 'string' ? r : null;
  }
  return String(v);
}

const problem = (cell: string, key: string, message: string, params = {}): SheetProblem => ({
  cell,
  key: `values.sheet.${key}`,
  params,
  message,
});

/** Whether a cell still holds the figure the template was made with. */
function untouched(now: Cell, was: Cell): boolean {
  if (now === null || was === null) return now === was;
  const reading = readFigure(now);
  return reading.ok && reading.value === Number(was);
}

const text = (c: Cell) => (c === null ? null : String(c).trim() || null);

/** A comparator cell as read: its key, none (blank) or not a comparator. */
function readComparatorCell(
  c: Cell,
): { ok: true; value: Comparator | null } | { ok: false; message: string } {
  const t = text(c);
  if (t === null) return { ok: true, value: null };
  const read = comparatorInputSchema.safeParse(t);
  return read.success
    ? { ok: true, value: read.data }
    : { ok: false, message: read.error.issues[0]?.message ?? `"${t}" is not a comparator` };
}

/** Where the template writes what it is for (row 1 is the header). */
const ABOUT_CELLS: AboutCells = {
  district: `'${ABOUT}'!B3`,
  year: `'${ABOUT}'!B5`,
  period: `'${ABOUT}'!B6`,
};

/** The reading of a file that is no template to read: its one problem. */
export const unread = (refusal: SheetProblem): WorkbookRead => ({
  district: null,
  year: null,
  period: null,
  about: ABOUT_CELLS,
  changes: [],
  rows: [],
  problems: [refusal],
});

export type WorkbookRead = Awaited<ReturnType<typeof readValuesWorkbook>>;

/**
 * Reads an entry workbook back: the district and year it is for (and the About cells holding
 * them), and a change for every figure, source, note or comparator a person altered (a blank
 * comparator is the plan's). Problems of the layout and of comparators are reported with their
 * sheet cell and row; figures themselves are checked by `saveValues`, the district by
 * `importWorkbook`, and the plan's own cells (`rows`) against the plan by `readOnlyWarnings`. A
 * workbook beyond `XLSX_LIMITS` is refused before it is parsed. The server calls this in a worker
 * thread (`workbookReader`).
 */
export async function readValuesWorkbook(data: Uint8Array): Promise<{
  /** The district code as written; null where the cell is blank (or the file is no template). */
  district: string | null;
  /** Null only when the file is no template at all: nothing else in the answer is then read. */
  year: number | null;
  /** The plan's period key ("2021-2025"); null in templates made before plans had periods. */
  period: string | null;
  about: AboutCells;
  changes: SheetChange[];
  rows: SheetRow[];
  problems: SheetProblem[];
}> {
  const refusal = xlsxRefusal(data, { inflate: true });
  if (refusal) return unread(problem('(file)', refusal.key, refusal.message, refusal.params));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    return unread(
      problem('(file)', 'notXlsx', `not an .xlsx workbook: ${(error as Error).message}`),
    );
  }
  const aboutSheet = wb.getWorksheet(ABOUT);
  const sheet = wb.getWorksheet(ENTRY);
  if (!aboutSheet || !sheet)
    return unread(
      problem(
        '(file)',
        'notTemplate',
        `not an entry template: it needs the sheets ${ABOUT} and ${ENTRY}`,
      ),
    );
  const meta = new Map<string, { value: Cell; cell: string }>();
  aboutSheet.eachRow((row) => {
    const key = cellValue(row.getCell(1));
    if (typeof key === 'string')
      meta.set(key, {
        value: cellValue(row.getCell(2)),
        cell: `'${ABOUT}'!${row.getCell(2).address}`,
      });
  });
  const metaAt = (key: keyof AboutCells) => meta.get(key)?.cell ?? ABOUT_CELLS[key];
  const about: AboutCells = {
    district: metaAt('district'),
    year: metaAt('year'),
    period: metaAt('period'),
  };
  const district = text(meta.get('district')?.value ?? null);
  const year = Number(meta.get('year')?.value);
  // Templates made before districts had several plans name none: the year's plan is meant.
  const period = text(meta.get('period')?.value ?? null);
  const layout = LAYOUTS.get(String(meta.get('format')?.value));
  if (!layout || !Number.isInteger(year))
    return {
      ...unread(
        problem(
          layout ? about.year : (meta.get('format')?.cell ?? `'${ABOUT}'!B2`),
          'notTemplate',
          'not an entry template of Plan Monitor',
        ),
      ),
      about,
    };
  const problems: SheetProblem[] = [];
  layout.forEach(([, header], i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    if (cellValue(cell) !== header)
      problems.push({
        ...problem(
          `'${ENTRY}'!${cell.address}`,
          'columnChanged',
          `this column must be "${header}"`,
          {
            header,
          },
        ),
        row: 1,
      });
  });
  const changes: SheetChange[] = [];
  const rows: SheetRow[] = [];
  sheet.eachRow((row, r) => {
    if (r === 1) return;
    const at = (key: Column) => `'${ENTRY}'!${row.getCell(colIn(layout, key)).address}`;
    const get = (key: Column) => {
      const c = colIn(layout, key);
      return c === 0 ? null : cellValue(row.getCell(c));
    };
    const seqCell = get('seq');
    if (seqCell === null) return;
    const seq = Number(seqCell);
    if (!Number.isInteger(seq) || seq <= 0) {
      problems.push({
        ...problem(at('seq'), 'badSeq', `"${seqCell}" is not an indicator number`),
        row: r,
      });
      return;
    }
    const indicator = { seq, name: text(get('name')) ?? '' };
    const onRow = (p: SheetProblem) => problems.push({ ...p, row: r, indicator });
    rows.push({
      row: r,
      indicator,
      cells: Object.fromEntries(FROM_PLAN.map((key) => [key, { cell: at(key), value: get(key) }])),
    });
    const version = (key: Column) => {
      const v = get(key);
      return v === null ? null : Number(v);
    };
    const reason = text(get('reason'));
    const actual = get('actual');
    const source = text(get('source'));
    const note = text(get('note'));
    if (
      !untouched(actual, get('actualWas')) ||
      source !== text(get('sourceWas')) ||
      note !== text(get('noteWas'))
    ) {
      changes.push({
        change: {
          seq,
          year,
          kind: 'actual',
          value: actual ?? '',
          version: version('actualVersion'),
          source,
          note,
          reason,
        },
        valueCell: at('actual'),
        sourceCell: at('source'),
        row: r,
        indicator,
      });
    }
    const assigned = get('assigned');
    const comparator = readComparatorCell(get('comparator'));
    if (!comparator.ok) {
      onRow(
        problem(at('comparator'), 'badComparator', comparator.message, {
          text: String(get('comparator')),
        }),
      );
      return;
    }
    const was = readComparatorCell(get('comparatorWas'));
    const comparatorChanged = comparator.value !== (was.ok ? was.value : null);
    if (comparatorChanged && assigned === null && get('assignedWas') === null) {
      onRow(
        problem(
          at('comparator'),
          'comparatorWithoutTarget',
          'a comparator goes with the assigned target of its row: enter the target, or leave the comparator as it was',
        ),
      );
      return;
    }
    if (!untouched(assigned, get('assignedWas')) || comparatorChanged) {
      changes.push({
        change: {
          seq,
          year,
          kind: 'assigned_target',
          value: assigned ?? '',
          version: version('assignedVersion'),
          ...(comparatorChanged ? { comparator: comparator.value } : {}),
          reason,
        },
        valueCell: at('assigned'),
        sourceCell: at('assigned'),
        row: r,
        indicator,
      });
    }
  });
  return {
    district,
    year,
    period,
    about,
    changes: problems.length > 0 ? [] : changes,
    rows,
    problems,
  };
}

/** Whether a cell of the plan still reads as the plan has it (a number as a number). */
function samePlanCell(now: Cell, plan: Cell): boolean {
  if (now === null || plan === null) return text(now) === text(plan);
  if (typeof plan === 'number') return Number(now) === plan;
  return String(now).trim() === String(plan).trim();
}

const HEADER = new Map<Column, string>(COLUMNS.map(([key, header]) => [key, header]));

/**
 * The cells of the plan (类别, 指标, 单位, 属性, a printed 基数, 规划目标) that a workbook holds
 * otherwise than the plan: each is a warning on its cell, as the upload does not take it — the
 * plan changes only by an administrator (a target by 目标调整). A 基数 entered as the year-B
 * figure is not compared: it may have been entered since the template was made.
 */
export function readOnlyWarnings(grid: EntryGrid, rows: readonly SheetRow[]): SheetProblem[] {
  const bySeq = new Map(grid.groups.flatMap((g) => g.rows).map((r) => [r.indicator.seq, r]));
  return rows.flatMap(({ row, indicator, cells }) => {
    const planned = bySeq.get(indicator.seq);
    if (!planned) return [];
    const expected = rowCells(planned);
    const named = { seq: indicator.seq, name: planned.indicator.name };
    return FROM_PLAN.flatMap((key) => {
      const held = cells[key];
      if (!held || (key === 'baseline' && !planned.baseline.printed)) return [];
      if (samePlanCell(held.value, expected[key])) return [];
      const params = {
        column: HEADER.get(key)!,
        found: held.value === null ? '' : String(held.value),
        expected: expected[key] === null ? '' : String(expected[key]),
      };
      const target = key === 'target' || key === 'baseline';
      return [
        {
          ...problem(
            held.cell,
            target ? 'targetEdited' : 'planCellEdited',
            `The ${params.column} cell is read-only: the workbook has "${params.found}", the plan "${params.expected}"; not taken${target ? ' — targets are changed only by an administrator (目标调整)' : ' — the plan is changed only by an administrator'}`,
            params,
          ),
          row,
          indicator: named,
        },
      ];
    });
  });
}
