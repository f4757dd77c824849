import { choosePlan, parsePeriod, periodKey } from '@pm/core';
import { listDistrictPlans, saveValues, ValueError, type Database } from '@pm/db';
import { describeProblem } from './problems';
import type { SheetProblem } from './workbook';
import { workbookReader } from './workbook-reader';

export interface WorkbookImport {
  district: string | null;
  year: number | null;
  /** The period of the plan the figures are for. */
  period: string | null;
  /** Figures written; 0 whenever there is a problem, as a workbook with errors changes nothing. */
  changed: number;
  problems: SheetProblem[];
}

/**
 * Reads an entry workbook and saves every altered figure in one transaction, or nothing: each
 * problem, of the layout or of a figure, is reported with its sheet cell. `expect` names the
 * district and year the workbook must be for (the web page it was uploaded on).
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
  const result = (problems: SheetProblem[], changed = 0) => ({
    district,
    year,
    period,
    changed,
    problems,
  });
  if (read.problems.length > 0) return result(read.problems);
  // A template without a period is of its year's plan (B < year ≤ Y).
  const plans = await listDistrictPlans(db, district!);
  const asked = period === null ? null : parsePeriod(period);
  const plan = choosePlan(plans, { period: asked, year }, year!);
  if (plan) period = periodKey(plan);
  if (
    expect &&
    (district !== expect.district ||
      year !== expect.year ||
      (expect.period !== undefined && period !== expect.period))
  ) {
    const params = { district: district ?? '', year: year ?? '' };
    return result([
      {
        cell: "'说明 About'!B2",
        key: 'values.sheet.otherTemplate',
        params,
        message: `this template is for ${district} ${year} (${period ?? 'no plan'}), not ${expect.district} ${expect.year} (${expect.period ?? 'its plan'})`,
      },
    ]);
  }
  try {
    const saved = plan
      ? await saveValues(
          db,
          { code: district!, planId: plan.id },
          read.changes.map((c) => c.change),
          by,
        )
      : null;
    if (saved === null)
      return result([
        {
          cell: "'说明 About'!B2",
          key: 'values.sheet.noPlan',
          params: { district: district! },
          message: `no plan for district ${district}`,
        },
      ]);
    return result([], saved.length);
  } catch (error) {
    if (!(error instanceof ValueError)) throw error;
    return result(
      error.problems.map((p) => {
        const at = 'index' in p ? read.changes[p.index] : undefined;
        const { key, params, message } = describeProblem(p);
        const cell = (p.code === 'reserved_source' ? at?.sourceCell : at?.valueCell) ?? '(file)';
        return { cell, key, params, message };
      }),
    );
  }
}
