import { assessPlan, assessedOf, shareOnTrack, type PlanSummary } from './assess';
import type { SourcedValue } from './evaluation';
import type { PlanFile } from './plan';
import { approvedCompleteness, type ApprovedCompleteness } from './values';
import { RULES_VERSION } from './words';

/** One category of one district on the league's heat map. */
export interface CategoryCell {
  assessed: number;
  shareOnTrack: number | null;
}

/**
 * Where a district stands at the year shown: it has approved actual figures of the year
 * (reported), none of them (未报送: its grades are those of older figures), or no plan.
 */
export type Reporting = 'reported' | 'unreported' | 'noPlan';

/** The league's order: districts with figures of the year first, those without after. */
export const REPORTING_ORDER: readonly Reporting[] = ['reported', 'unreported', 'noPlan'];

/** What the league shows of one plan at one year, apart from its district's names. */
export interface LeagueSummary {
  planTitle: string | null;
  year: number | null;
  reporting: Reporting;
  /** 数据截至: the latest year up to `year` with approved actual figures (null: none since B). */
  dataYear: number | null;
  total: number;
  assessed: number;
  shareOnTrack: number | null;
  byStatus: PlanSummary['byStatus'] | null;
  /** The phases of its graded indicators, which decide the words of its counts (提前实现 / 完成). */
  phases: PlanSummary['phases'];
  bindingWarnings: number;
  /** Of the indicators the year asks figures of, those whose every required cell is approved. */
  completeness: ApprovedCompleteness | null;
  demo: boolean;
  categories: Record<string, CategoryCell>;
  /** The categories in the plan's order (a stored object's keys lose theirs). */
  categoryOrder: string[];
}

/** A plan's league summary with the years it can be evaluated at (baseline + 1 … target). */
export interface PlanLeagueSummary {
  row: LeagueSummary;
  years: { from: number; to: number };
}

/**
 * What a stored summary was computed by: the rules and the summary's shape. A summary stored
 * under another format (an older release) is stale whatever the plan's revision.
 */
export const LEAGUE_SUMMARY_FORMAT = `${RULES_VERSION}/1`;

/** The plan and its approved values, as the league reads them. */
export interface LeagueInput {
  file: Pick<PlanFile, 'plan' | 'indicators'>;
  /** Approved values only. */
  values: readonly SourcedValue[];
  demo: boolean;
}

/** The latest year after the baseline, up to `year`, with an approved actual figure. */
function dataYearOf(input: LeagueInput, year: number): number | null {
  const planned = new Set(input.file.indicators.map((i) => i.seq));
  let latest: number | null = null;
  for (const v of input.values)
    if (
      v.kind === 'actual' &&
      planned.has(v.seq) &&
      v.year > input.file.plan.baselineYear &&
      v.year <= year &&
      (latest === null || v.year > latest)
    )
      latest = v.year;
  return latest;
}

/**
 * One plan's league summary at `year` (default: its mid-term year), from the approved values up
 * to that year (later ones are left out, so one load serves every year of the plan).
 */
export function leagueSummary(input: LeagueInput, year?: number): PlanLeagueSummary {
  const { file } = input;
  const y = year ?? file.plan.midtermYear;
  const values = input.values.every((v) => v.year <= y)
    ? input.values
    : input.values.filter((v) => v.year <= y);
  const { summary } = assessPlan({ plan: file.plan, indicators: file.indicators, values, year: y });
  const categories: Record<string, CategoryCell> = {};
  for (const [name, counts] of Object.entries(summary.byCategory)) {
    categories[name] = { assessed: assessedOf(counts), shareOnTrack: shareOnTrack(counts) };
  }
  const dataYear = dataYearOf(input, y);
  return {
    row: {
      planTitle: file.plan.title,
      year: y,
      reporting: dataYear === y ? 'reported' : 'unreported',
      dataYear,
      total: summary.total,
      assessed: summary.assessed,
      shareOnTrack: summary.shareOnTrack,
      byStatus: summary.byStatus,
      phases: summary.phases,
      bindingWarnings: summary.bindingWarnings.length,
      completeness: approvedCompleteness(file, values, y),
      demo: input.demo,
      categories,
      categoryOrder: Object.keys(categories),
    },
    years: { from: file.plan.baselineYear + 1, to: file.plan.targetYear },
  };
}

/** The years a plan's summaries are kept for: every year it can be evaluated at. */
export function summaryYears(plan: { baselineYear: number; targetYear: number }): number[] {
  const years: number[] = [];
  for (let y = plan.baselineYear + 1; y <= plan.targetYear; y++) years.push(y);
  return years;
}
