import { Option, type Command } from 'commander';
import { listDistricts } from '@pm/db';
import { formatTable, withDatabase } from './context';

export function registerDistrictCommands(program: Command) {
  program
    .command('districts')
    .description('List the districts with their plan and indicator count')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'),
    )
    .action(async (opts: { format: 'table' | 'json' }) => {
      const list = await withDatabase((h) => listDistricts(h.db));
      if (opts.format === 'json') {
        console.log(JSON.stringify(list, null, 2));
      } else if (list.length === 0) {
        console.log('No districts yet.');
      } else {
        console.log(
          formatTable(
            ['code', 'name', 'city', 'province', 'indicators'],
            list.map((d) => [d.code, d.name, d.city, d.province, d.indicatorCount]),
          ),
        );
      }
    });
}
