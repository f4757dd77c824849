import { Option, type Command } from 'commander';
import { periodKey } from '@pm/core';
import { listDistricts } from '@pm/db';
import { formatTable, withDatabase } from './context';
import { PERIOD_HELP, readPeriodOption } from './period';

export function registerDistrictCommands(program: Command) {
  program
    .command('districts')
    .description(
      "List the districts with their plans' periods and one plan's indicator count (--period's, else the latest)",
    )
    .option('--period <period>', PERIOD_HELP)
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'),
    )
    .action(async (opts: { format: 'table' | 'json'; period?: string }) => {
      const period = readPeriodOption(opts.period);
      const list = await withDatabase((h) => listDistricts(h.db, 'all', period));
      if (opts.format === 'json') {
        console.log(JSON.stringify(list, null, 2));
      } else if (list.length === 0) {
        console.log('No districts yet.');
      } else {
        console.log(
          formatTable(
            ['code', 'name', 'city', 'province', 'plans', 'indicators'],
            list.map((d) => [
              d.code,
              d.name,
              d.city,
              d.province,
              d.periods.map((p) => periodKey(p)).join(', ') || '—',
              d.indicatorCount,
            ]),
          ),
        );
      }
    });
}
