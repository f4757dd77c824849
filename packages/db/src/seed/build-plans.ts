/**
 * Builds the built-in plans (plans/<code>.json) from the five seed documents: the main-indicator
 * table read by core's table reader, the reviewed corrections, and the hand-curated text targets.
 *
 *   npx tsx packages/db/src/seed/build-plans.ts [seedsDir]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  defaultSettings,
  linkTargets,
  parsePeriod,
  parseTarget,
  planFileSchema,
  PLAN_FORMAT,
  readTableRows,
  rowsToIndicators,
  type Attribute,
  type District,
  type Indicator,
  type PeriodSpan,
  type PlanFile,
  type PlanPeriod,
  type RawCells,
  type TableRow,
} from '@pm/core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultSeedsDir = path.resolve(here, '../../../../../shared/seeds');
export const plansDir = path.join(here, 'plans');

export interface SeedPlan {
  file: string;
  district: District;
  /** As the document prints it (spaces and line breaks aside). */
  title: string;
  /** The document has a main-indicator table (表/专栏 … 主要指标). */
  table: boolean;
}

export const SEED_PLANS: SeedPlan[] = [
  {
    file: '000_8058f291677181db.txt',
    district: { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' },
    title: '石家庄市裕华区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
    table: true,
  },
  {
    file: '001_bc12cc43d93ca603.txt',
    district: { code: '130104', name: '桥西区', city: '石家庄市', province: '河北省' },
    title: '石家庄市桥西区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
    table: false,
  },
  {
    file: '002_4b8f8495309678ab.txt',
    district: { code: '120105', name: '河北区', city: '天津市', province: '天津市' },
    title: '天津市河北区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
    table: false,
  },
  {
    file: '003_77dd39c1c227e82f.txt',
    district: { code: '410703', name: '卫滨区', city: '新乡市', province: '河南省' },
    title: '新乡市卫滨区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要(草案)',
    table: true,
  },
  {
    file: '004_d6d1b2d89a558b81.txt',
    district: { code: '410402', name: '新华区', city: '平顶山市', province: '河南省' },
    title: '新华区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
    table: true,
  },
];

const FIELDS = [
  'name',
  'category',
  'raw.baseline',
  'raw.target',
  'raw.rate',
  'raw.attribute',
] as const;
type Field = (typeof FIELDS)[number];

/** A reviewed fix of a table cell the PDF conversion damaged. */
export interface Correction {
  district: string;
  seq: number;
  field: Field;
  /** The text the reader produced: the correction applies only when it still reads exactly this. */
  from: string | null;
  to: string | null;
  why: string;
}

/** A target stated in the running text, with the plan's own words. */
export interface TextTarget {
  category: string;
  name: string;
  unit: string;
  attribute: Attribute;
  raw: RawCells;
  /** What the sentence says about the number: a five-year total (累计/新增) or a bound in every year (保持/确保). */
  reading?: 'total' | 'every_year';
  why?: string;
  source: { line: number; quote: string };
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const isText = (v: unknown): v is string | null => v === null || typeof v === 'string';

export function loadCorrections(file = path.join(here, 'corrections.json')): Correction[] {
  const list = readJson(file);
  if (!Array.isArray(list)) throw new Error(`${file}: a list of corrections expected`);
  return list.map((c: Correction, i) => {
    const ok =
      /^\d{6}$/.test(String(c.district)) &&
      Number.isInteger(c.seq) &&
      FIELDS.includes(c.field) &&
      isText(c.from) &&
      isText(c.to) &&
      typeof c.why === 'string' &&
      c.why.trim() !== '';
    if (!ok)
      throw new Error(
        `${file}[${i}]: needs district, seq, field (${FIELDS.join(', ')}), from, to and why`,
      );
    return c;
  });
}

export function loadTextTargets(code: string, dir = path.join(here, 'text-targets')): TextTarget[] {
  const file = path.join(dir, `${code}.json`);
  const list = readJson(file);
  if (!Array.isArray(list)) throw new Error(`${file}: a list of text targets expected`);
  return list.map((t: TextTarget, i) => {
    const ok =
      typeof t.name === 'string' &&
      typeof t.unit === 'string' &&
      Number.isInteger(t.source?.line) &&
      typeof t.source?.quote === 'string' &&
      (t.reading === undefined ||
        (['total', 'every_year'].includes(t.reading) && (t.why ?? '').trim() !== ''));
    if (!ok)
      throw new Error(
        `${file}[${i}]: needs name, unit, raw, source { line, quote }; a reading needs a why`,
      );
    return t;
  });
}

/** The quote stands verbatim in the document, starting on the given 1-based line. */
export function quoteAt(text: string, line: number, quote: string): boolean {
  const lines = text.split('\n');
  if (line < 1 || line > lines.length) return false;
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  const at = text.indexOf(quote, start);
  return at >= 0 && at < start + (lines[line - 1]?.length ?? 0) + 1;
}

function applyCorrections(rows: TableRow[], corrections: Correction[]): TableRow[] {
  const fixed = rows.map((r) => ({ ...r, raw: { ...r.raw } }));
  for (const c of corrections) {
    const row = fixed.find((r) => r.seq === c.seq);
    if (!row) throw new Error(`correction ${c.district}/${c.seq}: no such row`);
    const [, cell] = c.field.split('.') as [string, keyof RawCells | undefined];
    const current = cell ? row.raw[cell as 'baseline'] : row[c.field as 'name' | 'category'];
    if (current !== c.from) {
      throw new Error(
        `correction ${c.district}/${c.seq} ${c.field}: expected ${JSON.stringify(c.from)}, the table reads ${JSON.stringify(current)}`,
      );
    }
    if (cell) row.raw[cell as 'baseline'] = c.to;
    else if (c.to !== null) row[c.field as 'name' | 'category'] = c.to;
    else throw new Error(`correction ${c.district}/${c.seq} ${c.field}: cannot be null`);
  }
  return fixed;
}

interface SeedTable {
  indicators: Indicator[];
  notes: string[];
  /** The years of the table's header (2020年, 2025年), where it has them. */
  years: { baseline: number | null; target: number | null };
}

function tableIndicators(seed: SeedPlan, text: string, corrections: Correction[]): SeedTable {
  const where = `${seed.district.code} ${seed.file}`;
  const table = readTableRows(text);
  if (!table) throw new Error(`${where}: no main-indicator table found`);
  const rows = applyCorrections(table.rows, corrections);
  const parsed = rowsToIndicators(rows, seed.file);
  const problems = [...table.problems, ...parsed.problems];
  if (problems.length > 0) {
    throw new Error(
      `${where}: rows not read (fix in corrections.json):\n${problems.map((p) => `  line ${p.line}: ${p.message} ${JSON.stringify(p.text)}`).join('\n')}`,
    );
  }
  return {
    indicators: parsed.indicators,
    notes: parsed.notes.map((n) => `${where} line ${n.line}: ${n.message}`),
    years: table.years,
  };
}

function textIndicator(seed: SeedPlan, text: string, t: TextTarget, seq: number): Indicator {
  const where = `${seed.district.code} text target "${t.name}" (line ${t.source.line})`;
  if (!quoteAt(text, t.source.line, t.source.quote))
    throw new Error(`${where}: the quote is not verbatim on that line`);
  const parsed = parseTarget(
    { name: t.unit ? `${t.name}（${t.unit}）` : t.name, ...t.raw },
    {
      defaultAttribute: t.attribute,
      total: t.reading === 'total',
      everyYear: t.reading === 'every_year',
    },
  );
  if (!parsed.ok)
    throw new Error(
      `${where}: ${parsed.errors.map((e) => `${e.cell} ${JSON.stringify(e.text)}: ${e.message}`).join('; ')}`,
    );
  if (parsed.unit !== t.unit)
    throw new Error(`${where}: unit ${JSON.stringify(t.unit)} is not one the parser knows`);
  return {
    seq,
    category: t.category,
    name: t.name,
    unit: t.unit,
    attribute: parsed.attribute,
    leadDepartment: null,
    raw: t.raw,
    target: parsed.target,
    revisions: [],
    source: { document: seed.file, line: t.source.line, kind: 'text', quote: t.source.quote },
  };
}

const compact = (s: string) => s.replace(/\s+/g, '');

const spanText = (p: PeriodSpan) => `${p.baselineYear + 1}–${p.targetYear}`;

/**
 * The plan's period, from everything the document says of it: the Five-Year Plan its title
 * names (第十四个五年规划, 十四五规划), the period its text states (规划期为2021—2025年) and the
 * years of its table's header (2020年 … 2025年). It must say it once at least, and the same
 * wherever it does. The mid-term year is half-way, rounded up: B + 3 for a five-year plan.
 */
export function seedPeriod(
  seed: Pick<SeedPlan, 'district' | 'title'>,
  text: string,
  header: SeedTable['years'] = { baseline: null, target: null },
): PlanPeriod {
  const code = seed.district.code;
  const readings: { where: string; span: PeriodSpan }[] = [];
  const read = (where: string, span: PeriodSpan | null) => {
    if (span === null || span.baselineYear >= span.targetYear)
      throw new Error(`${code}: ${where} names no period that can be read`);
    readings.push({ where, span });
  };
  const named = /第([一二三四五六七八九十]+)个五年规划|([一二三四五六七八九十]+五)规划/.exec(
    compact(seed.title),
  );
  if (named) read('the title', parsePeriod(named[2] ?? `${named[1]}五`));
  const stated = /规划期为(\d{4})[-–—~至]+(\d{4})年/.exec(compact(text));
  if (stated) read('规划期为…', parsePeriod(`${stated[1]}-${stated[2]}`));
  if (header.baseline !== null && header.target !== null)
    read('the table header', { baselineYear: header.baseline, targetYear: header.target });
  const [first, ...rest] = readings;
  if (!first)
    throw new Error(
      `${code}: the plan's period is stated nowhere: no 第…个五年规划 in the title, no 规划期为… in the text, no years in the table header`,
    );
  const { baselineYear: B, targetYear: Y } = first.span;
  for (const r of rest) {
    if (r.span.baselineYear !== B || r.span.targetYear !== Y)
      throw new Error(
        `${code}: ${first.where} says ${spanText(first.span)}, ${r.where} says ${spanText(r.span)}`,
      );
  }
  return { baselineYear: B, midtermYear: B + Math.ceil((Y - B) / 2), targetYear: Y };
}

/** One built-in plan from its seed document; throws on anything it cannot read. */
export function buildPlan(
  seed: SeedPlan,
  text: string,
  corrections: Correction[],
  textTargets: TextTarget[],
): { file: PlanFile; notes: string[] } {
  if (!compact(text).includes(compact(seed.title)))
    throw new Error(`${seed.district.code}: the title is not in ${seed.file}`);
  const mine = corrections.filter((c) => c.district === seed.district.code);
  if (!seed.table && mine.length > 0)
    throw new Error(`${seed.district.code}: corrections for a plan without a table`);
  const table: SeedTable = seed.table
    ? tableIndicators(seed, text, mine)
    : { indicators: [], notes: [], years: { baseline: null, target: null } };
  const first = Math.max(0, ...table.indicators.map((i) => i.seq)) + 1;
  const fromText = textTargets.map((t, i) => textIndicator(seed, text, t, first + i));
  const linked = linkTargets([...table.indicators, ...fromText]);
  if (linked.problems.length > 0)
    throw new Error(`${seed.district.code}: ${linked.problems.map((p) => p.message).join('; ')}`);
  const file = planFileSchema.parse({
    format: PLAN_FORMAT,
    district: seed.district,
    plan: {
      title: seed.title,
      ...seedPeriod(seed, text, table.years),
      settings: defaultSettings,
    },
    indicators: linked.indicators,
  });
  return { file, notes: table.notes };
}

export function buildPlans(seedsDir = defaultSeedsDir): { files: PlanFile[]; notes: string[] } {
  const corrections = loadCorrections();
  const stray = corrections.filter((c) => !SEED_PLANS.some((s) => s.district.code === c.district));
  if (stray.length > 0)
    throw new Error(
      `corrections for unknown districts: ${stray.map((c) => c.district).join(', ')}`,
    );
  const built = SEED_PLANS.map((seed) =>
    buildPlan(
      seed,
      readFileSync(path.join(seedsDir, seed.file), 'utf8'),
      corrections,
      loadTextTargets(seed.district.code),
    ),
  );
  return { files: built.map((b) => b.file), notes: built.flatMap((b) => b.notes) };
}

/** Pretty JSON in the schema's key order, lists of plain values on one line (as prettier keeps them). */
export function serializePlan(file: PlanFile): string {
  const json = JSON.stringify(file, null, 2).replace(
    /\[\n\s*((?:"[^"\n]*"|[\d.-]+)(?:,\n\s*(?:"[^"\n]*"|[\d.-]+))*)\n\s*\]/g,
    (_, items: string) => `[${items.split(/,\n\s*/).join(', ')}]`,
  );
  return `${json}\n`;
}

function main(): void {
  const seedsDir = path.resolve(process.argv[2] ?? defaultSeedsDir);
  const { files, notes } = buildPlans(seedsDir);
  mkdirSync(plansDir, { recursive: true });
  for (const file of files) {
    const out = path.join(plansDir, `${file.district.code}.json`);
    writeFileSync(out, serializePlan(file));
    console.log(`${out}: ${file.indicators.length} indicators`);
  }
  for (const note of notes) console.log(`note: ${note}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  main();
