import {
  choosePlan,
  parsePeriod,
  PERIOD_FORMAT_MESSAGE,
  periodKey,
  periodLabel,
  reportingYearAt,
  type PeriodSpan,
} from '@pm/core';
import { listDistrictPlans, type Database, type DistrictPlan } from '@pm/db';
import { CliError } from './context';

/** The help text of every command's `--period`. */
export const PERIOD_HELP =
  "the plan's period, e.g. 2021-2025, 14 or 十四五 (default: the plan of --year, else of the reporting year)";

/** `--period` as typed, parsed; a clear error when it is not a period. */
export function readPeriodOption(text: string | undefined): PeriodSpan | undefined {
  if (text === undefined) return undefined;
  const span = parsePeriod(text);
  if (!span) throw new CliError(`--period: “${text}” is not a period: ${PERIOD_FORMAT_MESSAGE}`);
  return span;
}

/** REPORTING_YEAR when set (as the server reads it), else the year before today's. */
export function cliReportingYear(env: NodeJS.ProcessEnv = process.env): number {
  const set = env.REPORTING_YEAR;
  if (set && /^\d{4}$/.test(set)) return Number(set);
  return reportingYearAt(new Date());
}

/**
 * The district's plan a command is about: `--period`, else the plan of `year` (B < year ≤ Y),
 * else the reporting year's. A clear error when there is none, naming the periods there are.
 */
export async function choosePlanFor(
  db: Database,
  code: string,
  period: PeriodSpan | undefined,
  year: number | undefined,
): Promise<DistrictPlan> {
  const plans = await listDistrictPlans(db, code);
  const plan = choosePlan(plans, { period, year }, cliReportingYear());
  if (plan) return plan;
  if (plans.length === 0) throw new CliError(`no plan for district ${code}`);
  throw new CliError(
    `district ${code} has no plan of ${periodKey(period!)} (it has ${plans.map((p) => `${periodKey(p)} ${periodLabel(p)}`).join(', ')})`,
  );
}
