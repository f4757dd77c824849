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
