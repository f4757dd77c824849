import { readFileSync, writeFileSync } from 'node:fs';
import { userPath } from './files';
import { Option, type Command } from 'commander';
import { basename } from 'node:path';
import {
  districtSchema,
  listProblems,
  planFileSchema,
  placeText,
  readerMessage,
  readDocumentTable,
  type District,
  type PlanFile,
} from '@pm/core';
import { toDomainError } from '@pm/api';
import { builtInPlans, exportPlan, importPlan } from '@pm/db';
import { DocumentError, readPlanDocument } from '@pm/documents';
import { registerCarryOver } from './carry-over';
import { CliError, withDatabase } from './context';
import { choosePlanFor, PERIOD_HELP, readPeriodOption } from './period';
import { registerRevise } from './revise';
import { planFromXlsx, planToXlsx } from '../xlsx/plan-xlsx';

export function registerPlanCommands(program: Command) {
  const plan = program.command('plan').description('Import, export and read district plans');
  registerReadTable(plan);
  registerRevise(plan);
  registerCarryOver(plan);

  plan
    .command('import')
    .description(
      'Import a plan file (plan-monitor/plan@1 JSON, or .xlsx as exported); the whole file is checked first',
    )
    .argument('<file>', 'the plan file')
    .action(async (file: string) => {
      const parsed = file.toLowerCase().endsWith('.xlsx')
        ? await readPlanWorkbook(file)
        : readPlanFile(file);
      const result = await withDatabase((h) => importPlan(h.db, parsed)).catch((error: unknown) => {
        const domain = toDomainError(error);
        if (domain) throw new CliError(`${file}: ${domain.message}; nothing was changed`);
        throw error;
      });
      console.log(
        `${result.created ? 'Imported' : 'Updated'} the plan of ${result.district}: ` +
          `${result.added} indicators added, ${result.updated} updated, ${result.removed} removed.`,
      );
    });

  plan
    .command('export')
    .description('Export a district plan in the interchange format')
    .argument('<code>', 'the district division code, e.g. 130108')
    .addOption(
      new Option('--format <format>', 'output format').choices(['json', 'xlsx']).default('json'),
    )
    .option('--out <file>', 'write to this file instead of standard output (required for xlsx)')
    .option('--period <period>', PERIOD_HELP)
    .action(
      async (code: string, opts: { out?: string; period?: string; format: 'json' | 'xlsx' }) => {
        if (!/^\d{6}$/.test(code))
          throw new CliError(`district code must be 6 digits, got "${code}"`);
        if (opts.format === 'xlsx' && !opts.out)
          throw new CliError('--format xlsx needs --out <file.xlsx>');
        const period = readPeriodOption(opts.period);
        const file = await withDatabase(async (h) =>
          exportPlan(h.db, code, await choosePlanFor(h.db, code, period, undefined)),
        );
        if (!file) throw new CliError(`no plan for district ${code}`);
        const data =
          opts.format === 'xlsx' ? await planToXlsx(file) : `${JSON.stringify(file, null, 2)}\n`;
        if (opts.out) writeFileSync(userPath(opts.out), data);
        else process.stdout.write(data);
      },
    );
}

interface ReadTableOptions {
  district: string;
  name?: string;
  city?: string;
  province?: string;
  startLine?: string;
  out?: string;
}

function registerReadTable(plan: Command) {
  plan
    .command('read-table')
    .description(
      'Read the main-indicator table of a plan document into a draft plan file, listing each row it could not read with its place (line, page, table row). The format is recognised by content: text or markdown in UTF-8, UTF-16 or GB18030, a web page (.html), Word (.docx) or a PDF with a text layer',
    )
    .argument('<file>', 'the plan document: .txt, .md, .html, .docx or .pdf')
    .requiredOption('--district <code>', 'district division code, e.g. 130108')
    .option('--name <name>', 'district name (known for the built-in districts)')
    .option('--city <city>', 'city the district belongs to')
    .option('--province <province>', 'province')
    .option('--start-line <n>', 'look for the table from this line on (text, or a PDF’s lines)')
    .option('--out <file>', 'write the draft here instead of standard output')
    .action(async (file: string, opts: ReadTableOptions) => {
      const district = districtFor(opts);
      const startLine = opts.startLine === undefined ? undefined : Number(opts.startLine);
      if (startLine !== undefined && !(Number.isInteger(startLine) && startLine > 0)) {
        throw new CliError(`--start-line must be a positive whole number, got "${opts.startLine}"`);
      }
      const doc = await readPlanDocument(readBytes(file), basename(file)).catch(
        (error: unknown) => {
          if (error instanceof DocumentError) throw new CliError(`${error.message}\n${error.zh}`);
          throw error;
        },
      );
      const read = readDocumentTable(doc, { district, document: basename(file), startLine });
      const problems = [
        ...doc.problems.map((p) => ({ ...p, text: '' })),
        ...read.problems.map((p) => ({
          ...p,
          place: p.place ?? (p.line > 0 ? { line: p.line } : {}),
        })),
      ];
      for (const p of problems) {
        const quote = p.text ? ` — ${p.text.replace(/\s+/g, ' ').slice(0, 60)}` : '';
        console.error(`${file}: ${placeText(p.place, 'en')}: ${p.message}${quote}`);
        console.error(`  ${placeText(p.place, 'zh')}：${readerMessage(p.message, 'zh')}`);
      }
      const draft = read.file;
      if (!draft || draft.indicators.length === 0)
        throw new CliError(`${file}: no indicator could be read`);
      const json = `${JSON.stringify(draft, null, 2)}\n`;
      if (opts.out) writeFileSync(userPath(opts.out), json);
      else process.stdout.write(json);
      console.error(
        `${draft.indicators.length} indicators read from ${doc.format}, ${problems.length} problem(s) listed above; review the draft before importing it.`,
      );
    });
}

function districtFor(opts: ReadTableOptions): District {
  const known = builtInPlans().find((p) => p.district.code === opts.district)?.district;
  const candidate = {
    code: opts.district,
    name: opts.name ?? known?.name,
    city: opts.city ?? known?.city,
    province: opts.province ?? known?.province,
  };
  const result = districtSchema.safeParse(candidate);
  if (!result.success) {
    const missing = listProblems(result.error).map((p) =>
      p.path === 'code'
        ? `--district: ${p.message}`
        : `--${p.path} is required for a district that is not built in`,
    );
    throw new CliError(missing.join('; '));
  }
  return result.data;
}

export function readText(path: string): string {
  try {
    return readFileSync(userPath(path), 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(userPath(path));
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

/** Reads and validates a plan workbook, reporting every problem with its sheet cell. */
async function readPlanWorkbook(path: string): Promise<PlanFile> {
  let data: Buffer;
  try {
    data = readFileSync(userPath(path));
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const { file, problems } = await planFromXlsx(data);
  if (!file) {
    const lines = problems.map((p) => `  ${p.cell}: ${p.message}`);
    throw new CliError(
      `${path} is not a valid plan workbook; nothing was imported:\n${lines.join('\n')}`,
    );
  }
  return file;
}

/** Reads and validates a plan file, reporting every problem with its path. */
export function readPlanFile(path: string): PlanFile {
  const text = readText(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const result = planFileSchema.safeParse(json);
  if (!result.success) {
    const lines = listProblems(result.error).map((p) => `  ${p.path}: ${p.message}`);
    throw new CliError(
      `${path} is not a valid plan file; nothing was imported:\n${lines.join('\n')}`,
    );
  }
  return result.data;
}
