import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from './client';
import { migrate, migrationsFolder } from './migrate';
import { openTestDatabase, testDrivers } from './testing';

async function tableNames(handle: Awaited<ReturnType<typeof openTestDatabase>>['handle']) {
  const rows = await queryRows<{ table_name: string }>(
    handle.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  return rows.map((r) => r.table_name);
}

async function appliedCount(handle: Awaited<ReturnType<typeof openTestDatabase>>['handle']) {
  const rows = await queryRows<{ n: number }>(
    handle.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return rows[0]?.n;
}

describe.each(testDrivers())('migrations [%s]', (driver) => {
  it('apply once: a second run applies nothing', async () => {
    const test = await openTestDatabase(driver, false);
    try {
      await migrate(test.handle);
      const tables = await tableNames(test.handle);
      expect(tables).toEqual(
        expect.arrayContaining([
          'districts',
          'plans',
          'indicators',
          'yearly_values',
          'value_history',
        ]),
      );
      const applied = await appliedCount(test.handle);
      await migrate(test.handle);
      expect(await appliedCount(test.handle)).toBe(applied);
    } finally {
      await test.drop();
    }
  });

  it('a failing migration leaves the database as it was', async () => {
    const test = await openTestDatabase(driver, false);
    const folder = mkdtempSync(join(tmpdir(), 'pm-mig-'));
    try {
      await migrate(test.handle);
      const before = await tableNames(test.handle);
      const applied = await appliedCount(test.handle);

      cpSync(migrationsFolder(), folder, { recursive: true });
      const journalPath = join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
      const last = journal.entries[journal.entries.length - 1];
      journal.entries.push({
        ...last,
        idx: last.idx + 1,
        when: last.when + 1000,
        tag: '9999_broken',
      });
      writeFileSync(journalPath, JSON.stringify(journal));
      writeFileSync(
        join(folder, '9999_broken.sql'),
        'CREATE TABLE "half_done" ("id" integer);\n--> statement-breakpoint\nSELECT * FROM "no_such_table";',
      );

      await expect(migrate(test.handle, folder)).rejects.toThrow();
      expect(await tableNames(test.handle)).toEqual(before);
      expect(await appliedCount(test.handle)).toBe(applied);
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await test.drop();
    }
  });
});

describe.each(testDrivers())('migration 0005 [%s]', (driver) => {
  it('turns a v1 tolerance of 0 ("none stated") into null and keeps every other', async () => {
    const test = await openTestDatabase(driver, false);
    const folder = mkdtempSync(join(tmpdir(), 'pm-mig-'));
    try {
      cpSync(migrationsFolder(), folder, { recursive: true });
      const journalPath = join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
      const upTo = journal.entries.findIndex(
        (e: { tag: string }) => e.tag === '0005_tolerance_none_is_null',
      );
      writeFileSync(
        journalPath,
        JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }),
      );
      await migrate(test.handle, folder);
      const { db } = test.handle;
      await db.execute(sql`insert into districts (id, name, city, province)
        values ('130108', '裕华区', '石家庄市', '河北省')`);
      await db.execute(sql`insert into plans (district_id, title, baseline_year, midterm_year, target_year, settings)
        values ('130108', '规划', 2020, 2023, 2025, '{}')`);
      for (const [seq, tolerance] of [
        [1, '0'],
        [2, '0.5'],
        [3, 'null'],
      ] as const) {
        const target = `{"form":"annual_rate","rate":6,"comparator":"about","tolerance":${tolerance}}`;
        await db.execute(sql`insert into indicators (plan_id, seq, category, name, unit, attribute, raw, target, form, source)
          select id, ${seq}, '经济', '增长', '%', 'expected', '{}', ${target}::jsonb, 'annual_rate', '{}' from plans`);
      }
      await migrate(test.handle);
      const rows = await queryRows<{ seq: number; tolerance: number | null }>(
        db,
        sql`select seq, (target->>'tolerance')::float as tolerance from indicators order by seq`,
      );
      expect(rows).toEqual([
        { seq: 1, tolerance: null },
        { seq: 2, tolerance: 0.5 },
        { seq: 3, tolerance: null },
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await test.drop();
    }
  });
});

describe.each(testDrivers())('migration 0006 [%s]', (driver) => {
  it('marks as demo only the figures the seed wrote (source and author "demo")', async () => {
    const test = await openTestDatabase(driver, false);
    const folder = mkdtempSync(join(tmpdir(), 'pm-mig-'));
    try {
      cpSync(migrationsFolder(), folder, { recursive: true });
      const journalPath = join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
      const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag === '0006_security');
      writeFileSync(
        journalPath,
        JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }),
      );
      await migrate(test.handle, folder);
      const { db } = test.handle;
      await db.execute(sql`insert into districts (id, name, city, province)
        values ('130108', '裕华区', '石家庄市', '河北省')`);
      await db.execute(sql`insert into plans (district_id, title, baseline_year, midterm_year, target_year, settings)
        values ('130108', '规划', 2020, 2023, 2025, '{}')`);
      await db.execute(sql`insert into indicators (plan_id, seq, category, name, unit, attribute, raw, target, form, source)
        select id, 1, '经济', '增长', '%', 'expected', '{}', '{"form":"none"}'::jsonb, 'none', '{}' from plans`);
      for (const [year, source, by] of [
        [2021, 'demo', 'demo'],
        [2022, 'demo', 'official'],
        [2023, '统计公报', 'demo'],
        [2024, null, 'official'],
      ] as const) {
        await db.execute(sql`insert into yearly_values (indicator_id, year, kind, value, state, source, updated_by)
          select id, ${year}, 'actual', 1, 'approved', ${source}, ${by} from indicators`);
      }
      await migrate(test.handle);
      const rows = await queryRows<{ year: number; demo: boolean }>(
        db,
        sql`select year, demo from yearly_values order by year`,
      );
      expect(rows).toEqual([
        { year: 2021, demo: true },
        { year: 2022, demo: false },
        { year: 2023, demo: false },
        { year: 2024, demo: false },
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await test.drop();
    }
  });
});

describe('drizzle/ and the schema agree', () => {
  it('drizzle-kit generate finds nothing new to write', () => {
    const root = resolve(migrationsFolder(), '..');
    const out = mkdtempSync(join(tmpdir(), 'pm-gen-'));
    try {
      cpSync(migrationsFolder(), out, { recursive: true });
      const before = readdirSync(out).sort();
      execFileSync(
        'npx',
        [
          'drizzle-kit',
          'generate',
          '--dialect',
          'postgresql',
          '--schema',
          'packages/db/src/schema.ts',
          '--out',
          out,
        ],
        { cwd: root, stdio: 'pipe' },
      );
      expect(readdirSync(out).sort()).toEqual(before);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
