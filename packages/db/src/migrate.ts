import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { DbHandle, Schema } from './client';

/** The top-level drizzle/ folder, found from here whether running from source or a bundle. */
export function migrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'drizzle');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the drizzle/ migrations folder');
    dir = parent;
  }
}

/**
 * Applies pending migrations in one transaction (drizzle's migrator), holding a lock so that two
 * servers starting together do not both run them.
 */
export async function migrate(handle: DbHandle, folder = migrationsFolder()): Promise<void> {
  await handle.exclusive(async () => {
    if (handle.driver === 'pglite') {
      await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, {
        migrationsFolder: folder,
      });
    } else {
      await migratePg(handle.db as unknown as NodePgDatabase<Schema>, { migrationsFolder: folder });
    }
  });
}
