import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { createDb, type DbHandle } from './client';
import { migrate } from './migrate';

/** A fresh, migrated database for one test file, on one driver. */
export interface TestDatabase {
  handle: DbHandle;
  /** The connection URL (postgres only), for tests that open a second handle. */
  url: string | null;
  drop(): Promise<void>;
}

export type TestDriver = 'pglite' | 'postgres';

/** The drivers to run database tests on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDrivers(): TestDriver[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** Opens an empty database on `driver`; `migrated: false` leaves it without the schema. */
export async function openTestDatabase(driver: TestDriver, migrated = true): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const handle = await createDb({ driver: 'pglite', dataDir: null });
    if (migrated) await migrate(handle);
    return { handle, url: null, drop: () => handle.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `pm_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`create database "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ driver: 'postgres', url: url.toString(), poolSize: 4 });
  if (migrated) await migrate(handle);
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await withAdmin(adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

async function withAdmin(url: string, fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Runs the same tests on every driver of `testDrivers()`, each on its own database created from
 * the real migrations. `get()` returns the handle inside tests.
 */
export function describeDb(
  title: string,
  body: (get: () => DbHandle, driver: TestDriver) => void,
): void {
  for (const driver of testDrivers()) {
    describe(`${title} [${driver}]`, () => {
      let test: TestDatabase | undefined;
      beforeAll(async () => {
        test = await openTestDatabase(driver);
      }, 60_000);
      afterAll(async () => {
        await test?.drop();
      });
      body(() => {
        if (!test) throw new Error('test database not open');
        return test.handle;
      }, driver);
    });
  }
}
export * from './carry-over-fixture';
