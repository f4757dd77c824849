import type { Command } from 'commander';
import { clearDemoValues } from '@pm/db';
import { withDatabase } from './context';

export function registerDemoCommands(program: Command) {
  const demo = program
    .command('demo')
    .description('Illustrative figures (演示数据) of the built-in plans');
  demo
    .command('clear')
    .description('Remove every demo figure; real figures and the plans stay')
    .action(async () => {
      const removed = await withDatabase((h) => clearDemoValues(h.db));
      console.log(
        removed === 0 ? 'No demo figures to remove.' : `Removed ${removed} demo figures.`,
      );
    });
}
