import type { Database } from './client';

/**
 * What a server derives from a row (a parsed plan, say), kept per database and reused while the
 * row's version is the same. Callers read the version from the database first and derive from
 * data read at or after it, so an entry is never older than its version; a cache only saves work,
 * and no server serves another's stale data.
 */
export class VersionCache<T> {
  private readonly byDb = new WeakMap<Database, Map<number, { version: string; value: T }>>();

  /** The value kept for row `id` at `version`, if any. */
  get(db: Database, id: number, version: string): T | undefined {
    const entry = this.byDb.get(db)?.get(id);
    return entry?.version === version ? entry.value : undefined;
  }

  set(db: Database, id: number, version: string, value: T): void {
    let entries = this.byDb.get(db);
    if (!entries) this.byDb.set(db, (entries = new Map()));
    entries.set(id, { version, value });
  }
}
