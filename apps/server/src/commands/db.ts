import type { Command } from 'commander';
import { pruneAuthRecords } from '@pm/db';
import { loadConfig } from '../config';
import { withDatabase } from './context';

export function registerDbCommands(program: Command) {
  const db = program.command('db').description('Database maintenance');
  db.command('migrate')
    .description('Apply pending migrations from drizzle/ (the server also does this on start)')
    .action(async () => {
      const location = await withDatabase(async (h) => `${h.driver} ${h.location}`);
      console.log(`Database is up to date (${location}).`);
    });
  db.command('prune')
    .description(
      'Delete auth events older than AUTH_EVENTS_RETENTION_DAYS, ended sessions and stale sign-in throttle rows (the server does this daily)',
    )
    .action(async () => {
      const config = loadConfig();
      const deleted = await withDatabase((h) =>
        pruneAuthRecords(
          h.db,
          new Date(),
          config.authEventsRetentionDays,
          config.sessionIdleMinutes,
        ),
      );
      console.log(
        `Deleted ${deleted.authEvents} auth events older than ${config.authEventsRetentionDays} days, ` +
          `${deleted.sessions} ended sessions and ${deleted.throttle} stale sign-in throttle rows.`,
      );
    });
}
