import type { Database } from '@pm/db';

type Refresh = (db: Database, planIds: readonly number[] | 'all') => Promise<number>;

let found: Promise<Refresh | null> | undefined;

/** @pm/api's `refreshSummaries` where this tree has it (persisted league summaries), else null. */
export function summaryRefresher(): Promise<Refresh | null> {
  found ??= import('@pm/api').then((api: Record<string, unknown>) =>
    typeof api.refreshSummaries === 'function' ? (api.refreshSummaries as Refresh) : null,
  );
  return found;
}

/**
 * Recomputes and stores the league summaries of these plans in `db` (a transaction, to commit
 * with the change), as the app does; 0 and nothing done in a tree without them.
 */
export async function refreshSummaries(
  db: Database,
  planIds: readonly number[] | 'all',
): Promise<number> {
  const refresh = await summaryRefresher();
  return refresh ? refresh(db, planIds) : 0;
}
