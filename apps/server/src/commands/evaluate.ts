import { Option, type Command } from 'commander';
import {
  assessPlan,
  attributeWords,
  GRADES,
  NOT_GRADED,
  parseValuesCsv,
  periodKey,
  periodLabel,
  roundKind,
  roundKindWords,
  statusWords,
  type PlanFile,
  type Status,
  type StatusWordOptions,
  type YearValue,
} from '@pm/core';
import { loadAssessmentInput } from '@pm/db';
import { CliError, formatTable, withDatabase } from './context';
import { choosePlanFor, PERIOD_HELP, readPeriodOption } from './period';
import { readPlanFile, readText } from './plan';

interface EvaluateOptions {
  year: string;
  period?: string;
  format: 'table' | 'json';
  plan?: string;
  values?: string;
}

const words = (statuses: readonly Status[], options?: StatusWordOptions) =>
  statuses.map((s) => statusWords(s, options).zh).join(' · ');

/** The grades of spec §3 as `--help` lists them, from the catalog of words. */
const GRADES_HELP = `
Grades (spec §3):
  midway, while the latest figures are before the target year:
    ${words(GRADES.progress)}
  at the end, once they are of the target year:
    ${words(GRADES.end, { phase: 'end' })}
  not graded: ${words(NOT_GRADED)}
With --format json each indicator has its status key, its phase (progress | end)
and statusText {zh, en}.`;

export function registerEvaluateCommand(program: Command) {
  program
    .command('evaluate')
    .description(
      'Assess a district plan at an evaluation year, from the database (approved values) or from files',
    )
    .argument('[code]', 'district division code (reads the database)')
    .requiredOption(
      '--year <year>',
      'evaluation year, e.g. 2025 (the final evaluation of 2021-2025)',
    )
    .option('--period <period>', PERIOD_HELP)
    .option('--plan <file>', 'plan file (plan-monitor/plan@2 or @1 JSON) instead of the database')
    .option(
      '--values <file>',
      'values CSV with header indicator,year,kind,value (counted as approved)',
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'),
    )
    .addHelpText('after', GRADES_HELP)
    .action(async (code: string | undefined, opts: EvaluateOptions) => {
      const year = Number(opts.year);
      if (!/^\d{4}$/.test(opts.year))
        throw new CliError(`--year must be a four-digit year, got "${opts.year}"`);
      const input = await loadInput(code, opts, year);
      const result = assessPlan({
        plan: input.file.plan,
        indicators: input.file.indicators,
        values: input.values,
        year,
      });
      const indicators = result.indicators.map((a) => ({
        seq: a.seq,
        name: a.name,
        attribute: a.attribute,
        form: a.form,
        status: a.status,
        phase: a.phase,
        statusText: statusWords(a.status, { phase: a.phase }),
        reason: a.reason,
        completion: a.completion,
        timeProgress: a.timeProgress,
        pace: a.pace,
        latestYear: a.latestYear,
        projection: a.projection,
        requiredPace: a.requiredPace,
        bindingWarning: a.bindingWarning,
      }));
      if (opts.format === 'json') {
        const output = {
          district: input.file.district,
          plan: {
            period: periodKey(input.file.plan),
            label: periodLabel(input.file.plan),
            title: input.file.plan.title,
          },
          year,
          kind: roundKind(input.file.plan, year),
          summary: result.summary,
          indicators,
        };
        console.log(JSON.stringify(output, null, 2));
        return;
      }
      const d = input.file.district;
      const s = result.summary;
      const p = input.file.plan;
      console.log(
        `${d.name} (${d.code}) · ${p.title} · ${periodLabel(p)} · ${year} ${roundKindWords[roundKind(p, year)].zh}${input.demo ? ' · 演示数据 demo figures' : ''}`,
      );
      console.log(
        formatTable(
          ['seq', 'indicator', 'attr', 'form', 'status', 'reason'],
          indicators.map((a) => [
            a.seq,
            a.name,
            attributeWords[a.attribute].zh,
            a.form,
            `${a.statusText.zh}${a.bindingWarning ? ' ⚠' : ''}`,
            a.reason.zh,
          ]),
        ),
      );
      const share = s.shareOnTrack === null ? '—' : `${Math.round(s.shareOnTrack * 100)}%`;
      console.log(
        `\n${s.total} indicators, ${s.assessed} assessed, ${share} on track; ` +
          `binding warnings: ${s.bindingWarnings.length ? s.bindingWarnings.join(', ') : 'none'}`,
      );
    });
}

async function loadInput(
  code: string | undefined,
  opts: EvaluateOptions,
  year: number,
): Promise<{ file: PlanFile; values: YearValue[]; demo: boolean }> {
  const period = readPeriodOption(opts.period);
  if (opts.plan || opts.values) {
    if (code) throw new CliError('give either a district code or --plan/--values, not both');
    if (period) throw new CliError('--period chooses a plan of the database: not with --plan');
    if (!opts.plan || !opts.values) throw new CliError('--plan and --values go together');
    const file = readPlanFile(opts.plan);
    const text = readText(opts.values);
    const { values, problems } = parseValuesCsv(text, file.indicators);
    if (problems.length > 0) {
      const lines = problems.map(
        (p) => `  ${opts.values}:${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}`,
      );
      throw new CliError(`${opts.values} has ${problems.length} problem(s):\n${lines.join('\n')}`);
    }
    return { file, values, demo: false };
  }
  if (!code) throw new CliError('give a district code, or --plan and --values');
  if (!/^\d{6}$/.test(code)) throw new CliError(`district code must be 6 digits, got "${code}"`);
  const input = await withDatabase(async (h) => {
    const plan = await choosePlanFor(h.db, code, period, year);
    if (year <= plan.baselineYear || year > plan.targetYear)
      throw new CliError(
        `--year ${year} is outside ${periodLabel(plan)} of ${code}: it is evaluated at ${plan.baselineYear + 1}–${plan.targetYear}`,
      );
    return loadAssessmentInput(h.db, code, plan);
  });
  if (!input) throw new CliError(`no plan for district ${code}`);
  return input;
}
