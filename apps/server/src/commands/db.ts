import type { Command } from 'commander';
import { withDatabase } from './context';

export function registerDbCommands(program: Command) {
  const db = program.command('db').description('Database maintenance');
  db.command('migrate')
    .description('Apply pending migrations from drizzle/ (the server also does this on start)')
    .action(async () => {
      const location = await withDatabase(async (h) => `${h.driver} ${h.location}`);
      console.log(`Database is up to date (${location}).`);
    });
}
