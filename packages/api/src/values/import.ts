import { choosePlan, districtCodeSchema, entryGrid, parsePeriod, periodKey } from '@pm/core';
import { listDistrictPlans, loadPlanById, saveValues, ValueError, type Database } from '@pm/db';
import { describeProblem } from './problems';
import { readOnlyWarnings, type SheetIndicator, type SheetProblem } from './workbook';
import { workbookReader } from './workbook-reader';

export interface WorkbookImport {
  district: string | null;
  year: number | null;
  /** The period of the plan the figures are for. */
  period: string | null;
  /** Figures written; 0 whenever there is a problem, as a workbook with errors changes nothing. */
  changed: number;
  problems: SheetProblem[];
  /** What was not taken but did not stop the rest: a cell of the plan edited in the workbook. */
  warnings: SheetProblem[];
}

const about = (cell: string, key: string, message: string, params = {}): SheetProblem => ({
  cell,
  key: `values.sheet.${key}`,
  params,
  message,
});

/**
 * Reads an entry workbook and saves every altered figure in one transaction, or nothing: each
 * problem, of the layout or of a figure, is reported with its sheet cell, row and indicator, and
 * one of the district with the cell that holds it. `expect` names the district and year the
 * workbook must be for (the web page it was uploaded on). Cells of the plan edited in the
 * workbook are warnings: they are never taken.
 */
export async function importWorkbook(
  db: Database,
  data: Uint8Array,
  by: string,
  expect: { district: string; year: number; period?: string } | null = null,
): Promise<WorkbookImport> {
  const read = await workbookReader.read(data);
  const { district, year } = read;
  let period = read.period;
  let warnings: SheetProblem[] = [];
  const result = (problems: SheetProblem[], changed = 0) => ({
    district,
    year,
    period,
    changed,
    problems,
    warnings,
  });
  if (year === null) return result(read.problems);
  const refused = districtRefusal(read.about.district, district, expect?.district);
  if (refused) return result([refused]);
  // A template without a period is of its year's plan (B < year ≤ Y).
  const plans = await listDistrictPlans(db, district!);
  const asked = period === null ? null : parsePeriod(period);
  const plan = choosePlan(plans, { period: asked, year }, year);
  if (plan) period = periodKey(plan);
  if (expect && year !== expect.year)
    return result([
      about(
        read.about.year,
        'otherYear',
        `the year is ${year}, expected ${expect.year}: this template is for another year`,
        { found: year, expected: expect.year },
      ),
    ]);
  if (expect?.period !== undefined && period !== expect.period) {
    const params = { district: district!, year, period: period ?? '', expected: expect.period };
    return result([
      about(
        read.about.period,
        'otherTemplate',
        `this template is for ${district} ${year} (${period ?? 'no plan'}), not ${expect.district} ${expect.year} (${expect.period})`,
        params,
      ),
    ]);
  }
  const loaded = plan ? await loadPlanById(db, plan.id) : null;
  if (!plan || !loaded)
    return result([
      about(read.about.district, 'noPlan', `no plan for district ${district}`, {
        district: district!,
      }),
    ]);
  warnings = readOnlyWarnings(entryGrid(loaded.file, [], year), read.rows);
  const names = new Map(loaded.file.indicators.map((i) => [i.seq, i.name]));
  const named = (p: SheetProblem, indicator = p.indicator): SheetProblem =>
    indicator ? { ...p, indicator: planName(indicator, names) } : p;
  if (read.problems.length > 0) return result(read.problems.map((p) => named(p)));
  try {
    const saved = await saveValues(
      db,
      { code: district!, planId: plan.id },
      read.changes.map((c) => c.change),
      by,
    );
    return result([], saved?.length ?? 0);
  } catch (error) {
    if (!(error instanceof ValueError)) throw error;
    return result(
      error.problems.map((p) => {
        const at = 'index' in p ? read.changes[p.index] : undefined;
        const { key, params, message } = describeProblem(p);
        const cell = (p.code === 'reserved_source' ? at?.sourceCell : at?.valueCell) ?? '(file)';
        const where = at ? { row: at.row, indicator: at.indicator } : {};
        return named({ cell, key, params, message, ...where });
      }),
    );
  }
}

/** The indicator as the plan names it, where the plan has its 序号. */
const planName = (indicator: SheetIndicator, names: ReadonlyMap<number, string>) => ({
  seq: indicator.seq,
  name: names.get(indicator.seq) ?? indicator.name,
});

/** What is wrong with the district code in `cell`: blank, no code, or not the one expected. */
function districtRefusal(
  cell: string,
  found: string | null,
  expected: string | undefined,
): SheetProblem | null {
  if (found === null)
    return expected
      ? about(cell, 'districtMissing', `the district code is blank; expected ${expected}`, {
          expected,
        })
      : about(cell, 'districtMissingAny', 'the district code is blank; expected a 6-digit code');
  if (expected !== undefined && found !== expected)
    return about(
      cell,
      'otherDistrict',
      `the district code is "${found}", expected ${expected}: this template is for another district`,
      { found, expected },
    );
  if (!districtCodeSchema.safeParse(found).success)
    return about(cell, 'badDistrict', `"${found}" is not a 6-digit district code`, { found });
  return null;
}

/**
 * A problem or warning of a workbook on one line, in English, for the command line and logs:
 * `row 7 (indicator 5 每万人口拥有高价值发明专利数) '填报 Entry'!I7: …`.
 */
export function sheetProblemLine(p: SheetProblem): string {
  const indicator = p.indicator ? ` (indicator ${p.indicator.seq} ${p.indicator.name})` : '';
  const row = p.row === undefined ? '' : `row ${p.row}${indicator} `;
  return `${row}${p.cell}: ${p.message}`;
}
