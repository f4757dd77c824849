import { readFileSync, writeFileSync } from 'node:fs';
import { userPath } from './files';
import { Option, type Command } from 'commander';
import {
  choosePlan,
  comparatorInForce,
  entryGrid,
  parseValuesCsv,
  periodKey,
  periodLabel,
  type PeriodSpan,
  writeValuesCsv,
  type CsvProblem,
  type PlanFile,
  type StoredValue,
  type ValueChange,
  type ValueRecord,
  type ValueState,
} from '@pm/core';
import {
  describeProblem,
  importWorkbook,
  sheetProblemLine,
  valuesTemplate,
  type SheetProblem,
} from '@pm/api';
import {
  importValues,
  listDistrictPlans,
  listDistricts,
  loadPlanById,
  loadValues,
  ValueImportError,
  type Database,
} from '@pm/db';
import { CliError, withDatabase } from './context';
import { choosePlanFor, cliReportingYear, PERIOD_HELP, readPeriodOption } from './period';
import { readText } from './plan';

/** Who the history names for figures the command line writes. */
const CLI_USER = 'cli';
const IMPORT_STATES = ['draft', 'submitted', 'approved'] as const;

interface ImportOptions {
  district?: string;
  period?: string;
  state: (typeof IMPORT_STATES)[number];
  reason?: string;
}

export function registerValuesCommands(program: Command) {
  const values = program
    .command('values')
    .description('Import and export yearly figures (实际值, 市下达目标) with their review state');

  values
    .command('import')
    .description(
      "Import figures from a CSV (indicator,year,kind,value[,district,state,source,note,comparator]; comparator: an assigned target's, e.g. at_least, 不低于 or ≥, empty keeps the stored one) or a filled .xlsx entry template; the whole file is checked first and a file with problems changes nothing",
    )
    .argument('<file>', 'the .csv or .xlsx file')
    .option('--district <code>', 'district of rows without a district column')
    .option(
      '--period <period>',
      "the plan the CSV's figures are for, e.g. 2026-2030 (default: each district's plan of the rows' years; a .xlsx template names its own)",
    )
    .addOption(
      new Option('--state <state>', 'state of CSV rows without a state column')
        .choices(IMPORT_STATES)
        .default('submitted'),
    )
    .option(
      '--reason <text>',
      'confirms figures far from last year or out of range (kept in the history)',
    )
    .action(async (file: string, opts: ImportOptions) => {
      if (opts.district !== undefined && !/^\d{6}$/.test(opts.district))
        throw new CliError(`--district must be 6 digits, got "${opts.district}"`);
      const summary = file.toLowerCase().endsWith('.xlsx')
        ? await importXlsx(file)
        : await importCsv(file, opts);
      console.log(summary);
    });

  values
    .command('export')
    .description(
      "Export the figures of a district (every state) as CSV, with each assigned target's comparator in force, or a year as an .xlsx entry template",
    )
    .argument('<code>', 'the district division code, e.g. 130108')
    .option('--year <year>', 'only this year (required for xlsx)')
    .option('--period <period>', PERIOD_HELP)
    .addOption(
      new Option('--format <format>', 'output format').choices(['csv', 'xlsx']).default('csv'),
    )
    .option('--out <file>', 'write to this file instead of standard output (required for xlsx)')
    .action(
      async (
        code: string,
        opts: { year?: string; period?: string; format: 'csv' | 'xlsx'; out?: string },
      ) => {
        if (!/^\d{6}$/.test(code))
          throw new CliError(`district code must be 6 digits, got "${code}"`);
        if (opts.year !== undefined && !/^\d{4}$/.test(opts.year))
          throw new CliError(`--year must be a four-digit year, got "${opts.year}"`);
        const year = opts.year === undefined ? undefined : Number(opts.year);
        if (opts.format === 'xlsx' && (!opts.out || year === undefined))
          throw new CliError('--format xlsx needs --year <year> and --out <file.xlsx>');
        const period = readPeriodOption(opts.period);
        const loaded = await withDatabase(async (h) => {
          const plan = await choosePlanFor(h.db, code, period, year);
          if (year !== undefined && (year < plan.baselineYear || year > plan.targetYear))
            throw new CliError(
              `--year ${year} is outside ${periodLabel(plan)} of ${code}: its figures are of ${plan.baselineYear}–${plan.targetYear}`,
            );
          return loadValues(h.db, { code, planId: plan.id });
        });
        if (!loaded) throw new CliError(`no plan for district ${code}`);
        const data =
          opts.format === 'xlsx'
            ? await valuesTemplate(entryGrid(loaded.file, loaded.values, year!))
            : writeValuesCsv(
                loaded.values
                  .filter((v) => year === undefined || v.year === year)
                  .map((v) => ({
                    ...v,
                    comparator: exportedComparator(loaded.file, v),
                    district: code,
                  })),
              );
        if (opts.out) writeFileSync(userPath(opts.out), data);
        else process.stdout.write(data);
      },
    );
}

/** An assigned target's comparator in force (its own, else the plan's); none on an actual. */
function exportedComparator(file: PlanFile, value: StoredValue) {
  const indicator = file.indicators.find((i) => i.seq === value.seq);
  return value.kind === 'assigned_target' && indicator
    ? comparatorInForce(indicator.target, value.comparator)
    : null;
}

async function importXlsx(file: string): Promise<string> {
  let data: Buffer;
  try {
    data = readFileSync(userPath(file));
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const result = await withDatabase((h) => importWorkbook(h.db, data, CLI_USER));
  const list = (problems: SheetProblem[]) => problems.map((p) => `\n  ${sheetProblemLine(p)}`);
  const warnings =
    result.warnings.length > 0
      ? `\n${result.warnings.length} cell(s) of the plan were edited and not taken:${list(result.warnings).join('')}`
      : '';
  if (result.problems.length > 0)
    throw new CliError(
      `${file} has ${result.problems.length} problem(s); nothing was imported:${list(result.problems).join('')}${warnings}`,
    );
  return `Imported ${result.changed} figure(s) of ${result.district} ${result.year} as drafts.${warnings}`;
}

async function importCsv(file: string, opts: ImportOptions): Promise<string> {
  const text = readText(file);
  const period = readPeriodOption(opts.period);
  return withDatabase(async ({ db }) => {
    const chosen = await plansOf(db, text, opts, period, file);
    const { values, problems } = parseValuesCsv(
      text,
      (district) => chosen.get(district ?? opts.district ?? '')?.indicators ?? null,
    );
    fail(file, problems);
    const changes = new Map<string, { record: ValueRecord; change: ValueChange }[]>();
    for (const record of values) {
      const state: ValueState = record.state ?? opts.state;
      if (state === 'returned') {
        problems.push({
          line: record.line,
          column: 'state',
          message: 'returned figures cannot be imported',
        });
        continue;
      }
      const district = record.district ?? opts.district!;
      const list = changes.get(district) ?? [];
      list.push({
        record,
        change: {
          seq: record.seq,
          year: record.year,
          kind: record.kind,
          value: record.value,
          state,
          source: record.source ?? undefined,
          note: record.note ?? undefined,
          comparator: record.comparator ?? undefined,
          reason: opts.reason ?? null,
        },
      });
      changes.set(district, list);
    }
    fail(file, problems);
    const written = await importValues(
      db,
      new Map([...changes].map(([d, list]) => [d, list.map((c) => c.change)])),
      CLI_USER,
      new Map([...chosen].map(([d, plan]) => [d, plan.id])),
    ).catch((error: unknown) => {
      if (!(error instanceof ValueImportError)) throw error;
      return refuse(
        file,
        error.problems.map(({ district, problem }) => ({
          line: 'index' in problem ? (changes.get(district)?.[problem.index]?.record.line ?? 0) : 0,
          column: 'value',
          message: describeProblem(problem).message,
        })),
      );
    });
    const total = [...written.values()].reduce((a, b) => a + b, 0);
    const per = [...written].map(([d, n]) => `${d}: ${n}`).join(', ');
    return `Imported ${total} figure(s) (${per}); ${values.length - total} unchanged.`;
  });
}

function fail(file: string, problems: CsvProblem[]): void {
  if (problems.length > 0) refuse(file, problems);
}

function refuse(file: string, problems: CsvProblem[]): never {
  const lines = problems.map(
    (p) => `  ${file}:${p.line}${p.column ? ` (${p.column})` : ''}: ${p.message}`,
  );
  throw new CliError(
    `${file} has ${problems.length} problem(s); nothing was imported:\n${lines.join('\n')}`,
  );
}

type Indicators = { seq: number; name: string; unit: string }[];

/**
 * The plan the CSV's figures are for, by district code, with its indicators: that of `--period`,
 * else the plan of the rows' years (B < year ≤ Y; the baseline year B alone, its plan). A
 * district whose rows fall in two plans is refused, naming them: import each with --period.
 */
async function plansOf(
  db: Database,
  text: string,
  opts: ImportOptions,
  period: PeriodSpan | undefined,
  file: string,
): Promise<Map<string, { id: number; indicators: Indicators }>> {
  const byDistrict = new Map<string, { id: number; file: PlanFile }[]>();
  for (const d of await listDistricts(db)) {
    const list = [];
    for (const p of await listDistrictPlans(db, d.code)) {
      const loaded = await loadPlanById(db, p.id);
      if (loaded) list.push({ id: p.id, file: loaded.file });
    }
    byDistrict.set(d.code, list);
  }
  // A first reading, against every plan's indicators, only to learn each district's years.
  const first = parseValuesCsv(text, (district) => {
    const list = byDistrict.get(district ?? opts.district ?? '');
    return list?.length ? list.flatMap((p) => p.file.indicators) : null;
  });
  const years = new Map<string, Set<number>>();
  for (const r of first.values) {
    const d = r.district ?? opts.district ?? '';
    years.set(d, (years.get(d) ?? new Set()).add(r.year));
  }
  const out = new Map<string, { id: number; indicators: Indicators }>();
  for (const [code, list] of byDistrict) {
    if (list.length === 0) continue;
    const spans = list.map((p) => ({ ...p, ...p.file.plan }));
    const want = [...(years.get(code) ?? [])];
    const picked = new Map<number, (typeof spans)[number]>();
    if (period || want.length === 0) {
      const plan = choosePlan(spans, { period }, cliReportingYear());
      if (!plan) {
        if (years.has(code) && period)
          throw new CliError(
            `${file}: district ${code} has no plan of ${periodKey(period)} (it has ${spans.map((p) => periodKey(p)).join(', ')})`,
          );
        continue;
      }
      picked.set(plan.id, plan);
    } else {
      for (const y of want) {
        const plan = choosePlan(spans, { year: y }, y);
        if (plan) picked.set(plan.id, plan);
      }
    }
    if (picked.size > 1)
      throw new CliError(
        `${file}: the figures of district ${code} are of ${picked.size} plans (${[...picked.values()].map((p) => `${periodKey(p)} ${periodLabel(p)}`).join(', ')}); import each plan's figures with --period`,
      );
    const [plan] = picked.values();
    if (plan) out.set(code, { id: plan.id, indicators: plan.file.indicators });
  }
  return out;
}
