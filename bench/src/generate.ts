import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { hashPassword, refreshSummaries } from '@pm/api';
import { createDb, createUser, migrate, schema, type Database } from '@pm/db';
import { cityCode, defaultSettings, provinceCode } from '@pm/core';
import { wholeOption } from './options';
import { makeDistrict, period, prng, SPECS } from './synthetic';

const BATCH = 4000;
/** Figures are generated up to here; the save benchmark enters the year after as drafts. */
export const LAST_YEAR = 2024;
/** Synthetic districts take codes 9xxxxx, a range no real division uses. */
export const SYNTHETIC_PREFIX = 9;
/** Synthetic districts per city and cities per province: 3,000 districts fill provinces 90–99. */
const PROVINCES = 10;
const DISTRICTS_PER_CITY = 30;
/** The most synthetic districts the code scheme has room for (city codes 00–99). */
export const MAX_SYNTHETIC = PROVINCES * 100 * DISTRICTS_PER_CITY;

/**
 * The code of the synthetic district numbered `n` (from 0): province 9P (P = n mod 10, so any
 * number of districts spreads over all ten, the first officials' too), then city and district in
 * the order the rest of `n` counts them, 30 districts a city, as a real division code reads
 * (province, city, district: 901203 is province 90's city 9012's district 03).
 */
export function syntheticCode(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= MAX_SYNTHETIC)
    throw new Error(`a synthetic district is numbered 0–${MAX_SYNTHETIC - 1}, not ${n}`);
  const inProvince = Math.floor(n / PROVINCES);
  const city = Math.floor(inProvince / DISTRICTS_PER_CITY);
  const district = (inProvince % DISTRICTS_PER_CITY) + 1;
  return String(SYNTHETIC_PREFIX * 100_000 + (n % PROVINCES) * 10_000 + city * 100 + district);
}
/** How many synthetic districts get an official account: the most save clients `bench http` can run. */
export const BENCH_OFFICIALS = 200;
export const BENCH_PASSWORD = 'bench-password-1';

export interface GenerateOptions {
  districts: number;
  seed: number;
  databaseUrl: string | null;
  dataDir: string;
}

export function generateOptions(argv: string[]): GenerateOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      districts: { type: 'string', default: '3000' },
      seed: { type: 'string', default: '1' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string', default: './.bench-data' },
    },
  });
  const districts = wholeOption(values.districts, '--districts', 1, MAX_SYNTHETIC);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed))
    throw new Error(`--seed must be a whole number, got "${values.seed}"`);
  return {
    districts,
    seed,
    databaseUrl: values['database-url'] ?? process.env.DATABASE_URL ?? null,
    dataDir: values['data-dir'] ?? './.bench-data',
  };
}

async function insertBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Fills the database with `districts` synthetic districts (codes 9xxxxx, see `syntheticCode`) × 20 indicators of every
 * form × approved values 2020–2024, the same for the same seed. Earlier synthetic districts are
 * replaced; real ones are untouched. Also a leader of all districts (`bench-leader`) and, for the
 * first BENCH_OFFICIALS districts, an official of each (`bench-official-<code>`), password
 * BENCH_PASSWORD.
 */
export async function generate(
  db: Database,
  districts: number,
  seed: number,
): Promise<{ values: number; summaries: number; ms: number }> {
  const started = performance.now();
  const rnd = prng(seed);
  await db
    .delete(schema.districts)
    .where(sql`${schema.districts.id} like ${`${SYNTHETIC_PREFIX}%`}`);
  const codes = Array.from({ length: districts }, (_, i) => syntheticCode(i));
  await insertBatches(codes, (batch) =>
    db.insert(schema.districts).values(
      batch.map((id) => ({
        id,
        name: `合成区 ${id}`,
        city: `合成市 ${cityCode(id)}`,
        province: `合成省 ${provinceCode(id)}`,
      })),
    ),
  );
  const planRows: { id: number; districtId: string }[] = [];
  await insertBatches(codes, async (batch) => {
    const rows = await db
      .insert(schema.plans)
      .values(
        batch.map((districtId) => ({
          districtId,
          title: '合成规划',
          ...period,
          settings: defaultSettings,
        })),
      )
      .returning({ id: schema.plans.id, districtId: schema.plans.districtId });
    planRows.push(...rows);
  });
  const generated = planRows.map((p, d) => ({
    planId: p.id,
    district: makeDistrict(d, rnd, LAST_YEAR),
  }));
  const indicatorRows = generated.flatMap(({ planId, district }) =>
    district.indicators.map((i) => ({
      planId,
      seq: i.seq,
      category: i.category,
      name: i.name,
      unit: i.unit,
      attribute: i.attribute,
      leadDepartment: null,
      raw: i.raw,
      target: i.target,
      form: i.target.form,
      source: i.source,
    })),
  );
  const ids: { id: number; planId: number; seq: number }[] = [];
  await insertBatches(indicatorRows, async (batch) => {
    ids.push(
      ...(await db.insert(schema.indicators).values(batch).returning({
        id: schema.indicators.id,
        planId: schema.indicators.planId,
        seq: schema.indicators.seq,
      })),
    );
  });
  const idOf = new Map(ids.map((r) => [`${r.planId}/${r.seq}`, r.id]));
  const valueRows = generated.flatMap(({ planId, district }) =>
    district.values.map((v) => ({
      indicatorId: idOf.get(`${planId}/${v.seq}`)!,
      year: v.year,
      kind: v.kind,
      value: Math.round(v.value * 100) / 100,
      comparator: v.comparator ?? null,
      state: 'approved' as const,
      source: 'bench',
      updatedBy: 'bench',
    })),
  );
  await insertBatches(valueRows, (batch) => db.insert(schema.yearlyValues).values(batch));
  await ensureBenchUsers(db, codes);
  // Fresh statistics, as autovacuum would give a real database after a bulk load.
  await db.execute(sql`analyze`);
  // The league summaries an import stores with its figures.
  const summaries = await refreshSummaries(db, 'all');
  return { values: valueRows.length, summaries, ms: Math.round(performance.now() - started) };
}

/** The user name of the official of one synthetic district. */
export const benchOfficial = (code: string) => `bench-official-${code}`;

/**
 * A leader of every district and the officials of the first BENCH_OFFICIALS synthetic districts,
 * each of their own district as in real use, for the HTTP benchmarks.
 */
async function ensureBenchUsers(db: Database, codes: string[]) {
  await db.delete(schema.users).where(sql`${schema.users.username} like 'bench-%'`);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const user = { displayName: 'bench', passwordHash };
  await createUser(db, { ...user, username: 'bench-leader', role: 'leader', districts: 'all' });
  for (const code of codes.slice(0, BENCH_OFFICIALS))
    await createUser(db, {
      ...user,
      username: benchOfficial(code),
      role: 'official',
      districts: [code],
    });
}

export async function runGenerate(argv: string[]): Promise<void> {
  const options = generateOptions(argv);
  const handle = await createDb(
    options.databaseUrl
      ? { driver: 'postgres', url: options.databaseUrl }
      : { driver: 'pglite', dataDir: options.dataDir },
  );
  try {
    await migrate(handle);
    const { values, summaries, ms } = await generate(handle.db, options.districts, options.seed);
    console.log(
      `generate: ${options.districts} districts × ${SPECS.length} indicators, ${values} values, ${summaries} league summaries into ${handle.driver} ${handle.location} in ${ms} ms`,
    );
  } finally {
    await handle.close();
  }
}
