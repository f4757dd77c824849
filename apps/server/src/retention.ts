import { pruneAuthRecords, type Database } from '@pm/db';
import type { Config } from './config';
import type { Log } from './log';

const DAY = 24 * 60 * 60_000;

/**
 * Applies the retention rule of the sign-in records (`pruneAuthRecords`) now and then once a
 * day, on a timer that keeps no process alive. Returns the function that stops it; a run still
 * under way then finishes unlogged (the database may be closing). A failed run is logged and the
 * next day's run tries again.
 */
export function scheduleAuthPruning(
  db: Database,
  config: Pick<Config, 'authEventsRetentionDays' | 'sessionIdleMinutes'>,
  log: Pick<Log, 'info' | 'error'>,
  every = DAY,
): () => void {
  let stopped = false;
  const run = async () => {
    try {
      const deleted = await pruneAuthRecords(
        db,
        new Date(),
        config.authEventsRetentionDays,
        config.sessionIdleMinutes,
      );
      if (stopped) return;
      log.info({ deleted, retentionDays: config.authEventsRetentionDays }, 'auth records pruned');
    } catch (err) {
      if (stopped) return;
      log.error({ err }, 'pruning auth records failed');
    }
  };
  void run();
  const timer = setInterval(() => void run(), every).unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
