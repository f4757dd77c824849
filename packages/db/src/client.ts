import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema';
import { DbOpenError } from './errors';
import { acquireFolderLock } from './lock';

export type Schema = typeof schema;
/** The drizzle database, the same type for PGlite and node-postgres. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export type DbOptions =
  /** Embedded PGlite; `dataDir: null` keeps it in memory (tests). */
  | { driver: 'pglite'; dataDir: string | null }
  | {
      driver: 'postgres';
      url: string;
      poolSize?: number;
      /** The setting the URL came from, named in errors (default DATABASE_URL). */
      setting?: 'DATABASE_URL' | 'DATABASE_REPLICA_URL';
    };

export interface DbHandle {
  db: Database;
  driver: DbOptions['driver'];
  /** Where the data lives, safe to log (no password). */
  location: string;
  /** Runs `fn` while holding a lock that no other process migrating the same database holds. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function createDb(options: DbOptions): Promise<DbHandle> {
  return options.driver === 'pglite' ? openPglite(options.dataDir) : openPostgres(options);
}

async function openPglite(dataDir: string | null): Promise<DbHandle> {
  let release = async () => {};
  let client: PGlite;
  if (dataDir === null) {
    client = await PGlite.create();
  } else {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (cause) {
      throw new DbOpenError(
        'PM_DATA_DIR',
        `cannot create the data folder ${dataDir}: ${describe(cause)}`,
        { cause },
      );
    }
    release = acquireFolderLock(dataDir);
    try {
      client = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
    } catch (cause) {
      await release();
      throw new DbOpenError(
        'PM_DATA_DIR',
        `cannot open the database in ${dataDir}: ${describe(cause)}`,
        { cause },
      );
    }
  }
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  let chain = Promise.resolve();
  return {
    db,
    driver: 'pglite',
    location: dataDir ?? 'memory',
    // One PGlite instance serves one process: serialising is enough.
    exclusive: (fn) => {
      const run = chain.then(fn);
      chain = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    close: async () => {
      await client.close();
      await release();
    },
  };
}

async function openPostgres(options: {
  url: string;
  poolSize?: number;
  setting?: 'DATABASE_URL' | 'DATABASE_REPLICA_URL';
}): Promise<DbHandle> {
  const setting = options.setting ?? 'DATABASE_URL';
  let location: string;
  try {
    const u = new URL(options.url);
    if (!/^postgres(ql)?:$/.test(u.protocol)) throw new Error(`unsupported scheme ${u.protocol}`);
    location = `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch (cause) {
    throw new DbOpenError(setting, `${setting} is not a postgres:// URL (${describe(cause)})`, {
      cause,
    });
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
  });
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
  } catch (cause) {
    await pool.end();
    throw new DbOpenError(
      setting,
      `cannot connect to PostgreSQL at ${location}: ${describe(cause)}`,
      { cause },
    );
  }
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  return {
    db,
    driver: 'postgres',
    location,
    exclusive: async (fn) => {
      const conn = await pool.connect();
      try {
        await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        return await fn();
      } finally {
        await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Arbitrary but fixed: the advisory lock key that serialises migrations and seeding. */
const MIGRATION_LOCK = 7_311_402;

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** Rows of a raw query, the same on both drivers (their result types differ only in name). */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A PostgreSQL array literal of codes, ids or plan versions (digits, letters, colons: nothing to
 * quote), bound as one parameter whatever its length; cast it in the SQL (`::int[]`, `::text[]`).
 */
export const arrayLiteral = (items: readonly (string | number)[]) => `{${items.join(',')}}`;
