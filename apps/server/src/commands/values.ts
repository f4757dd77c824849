import { readFileSync, writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import {
  comparatorInForce,
  entryGrid,
  parseValuesCsv,
  writeValuesCsv,
  type CsvProblem,
  type PlanFile,
  type StoredValue,
  type ValueChange,
  type ValueRecord,
  type ValueState,
} from '@pm/core';
import { describeProblem, importWorkbook, valuesTemplate } from '@pm/api';
import {
  importValues,
  listDistricts,
  loadPlan,
  loadValues,
  ValueImportError,
  type Database,
} from '@pm/db';
import { CliError, withDatabase } from './context';
import { readText } from './plan';

/** Who the history names for figures the command line writes. */
const CLI_USER = 'cli';
const IMPORT_STATES = ['draft', 'submitted', 'approved'] as const;

interface ImportOptions {
  district?: string;
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
    .addOption(
      new Option('--format <format>', 'output format').choices(['csv', 'xlsx']).default('csv'),
    )
    .option('--out <file>', 'write to this file instead of standard output (required for xlsx)')
    .action(async (code: string, opts: { year?: string; format: 'csv' | 'xlsx'; out?: string }) => {
      if (!/^\d{6}$/.test(code))
        throw new CliError(`district code must be 6 digits, got "${code}"`);
      if (opts.year !== undefined && !/^\d{4}$/.test(opts.year))
        throw new CliError(`--year must be a four-digit year, got "${opts.year}"`);
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (opts.format === 'xlsx' && (!opts.out || year === undefined))
        throw new CliError('--format xlsx needs --year <year> and --out <file.xlsx>');
      const loaded = await withDatabase((h) => loadValues(h.db, code));
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
      if (opts.out) writeFileSync(opts.out, data);
      else process.stdout.write(data);
    });
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
    data = readFileSync(file);
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const result = await withDatabase((h) => importWorkbook(h.db, data, CLI_USER));
  if (result.problems.length > 0) {
    const lines = result.problems.map((p) => `  ${p.cell}: ${p.message}`);
    throw new CliError(
      `${file} has ${result.problems.length} problem(s); nothing was imported:\n${lines.join('\n')}`,
    );
  }
  return `Imported ${result.changed} figure(s) of ${result.district} ${result.year} as drafts.`;
}

async function importCsv(file: string, opts: ImportOptions): Promise<string> {
  const text = readText(file);
  return withDatabase(async ({ db }) => {
    const plans = await plansOf(db);
    const { values, problems } = parseValuesCsv(
      text,
      (district) => plans.get(district ?? opts.district ?? '') ?? null,
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

/** The indicators of every district's latest plan, by district code. */
async function plansOf(db: Database) {
  const out = new Map<string, { seq: number; name: string; unit: string }[]>();
  for (const d of await listDistricts(db)) {
    const plan = await loadPlan(db, d.code);
    if (plan) out.set(d.code, plan.file.indicators);
  }
  return out;
}
