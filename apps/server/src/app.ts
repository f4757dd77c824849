import { fileURLToPath } from 'node:url';
import { createDb, migrate, seedBuiltIn, type DbHandle } from '@pm/db';
import type { Config } from './config';
import { createDemoAccounts } from './demo-accounts';
import type { Log } from './log';

/** The built web app, beside this package whether running from src/ or dist/. */
export const defaultWebDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Opens the configured database and brings its schema up to date. A new embedded database gets
 * the built-in plans, their demo figures up to the reporting year and the demo accounts; a
 * PostgreSQL server is never filled on its own.
 */
export async function openDatabase(
  config: Pick<Config, 'database'> & Partial<Pick<Config, 'reportingYear'>>,
  log: Log,
): Promise<DbHandle> {
  const handle = await createDb(config.database);
  try {
    await migrate(handle);
    if (handle.driver === 'pglite') {
      const seeded = await seedBuiltIn(handle.db, config.reportingYear);
      if (seeded) {
        await createDemoAccounts(handle.db);
        log.info(seeded, 'new database: built-in plans, demo figures and demo accounts loaded');
      }
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  log.info({ database: handle.driver, location: handle.location }, 'database ready');
  return handle;
}

/**
 * The read replica of the configuration (DATABASE_REPLICA_URL), or null: opened without
 * migrating (it follows the primary) and refused if it does not answer, naming the setting.
 */
export async function openReplica(
  config: Pick<Config, 'replica'>,
  log: Log,
): Promise<DbHandle | null> {
  if (!config.replica) return null;
  const handle = await createDb(config.replica);
  log.info({ location: handle.location }, 'read replica ready: league and scorecards read from it');
  return handle;
}
