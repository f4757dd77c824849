import type { Command } from 'commander';
import { clearDemoValues, listDistricts, seedDemoValues } from '@pm/db';
import { CliError, withDatabase } from './context';
import { cliReportingYear } from './period';

export function registerDemoCommands(program: Command) {
  const demo = program
    .command('demo')
    .description('Illustrative figures (演示数据) of the built-in plans');
  demo
    .command('seed')
    .description(
      'Store illustrative figures for every plan of the districts (all when none is named) whose years have started, up to the reporting year; a figure already there is kept (run demo clear first to renew them all)',
    )
    .argument('[codes...]', 'district codes, e.g. 130108')
    .option(
      '--year <year>',
      'the reporting year: no figure of a later year is stored (default: REPORTING_YEAR, else last year)',
    )
    .action(async (codes: string[], opts: { year?: string }) => {
      if (opts.year !== undefined && !/^\d{4}$/.test(opts.year))
        throw new CliError(`--year must be a four-digit year, got "${opts.year}"`);
      const year = opts.year === undefined ? cliReportingYear() : Number(opts.year);
      const stored = await withDatabase(async (h) => {
        const known = (await listDistricts(h.db)).map((d) => d.code);
        const unknown = codes.filter((c) => !known.includes(c));
        if (unknown.length > 0) throw new CliError(`no district ${unknown.join(', ')}`);
        let n = 0;
        for (const code of codes.length > 0 ? codes : known)
          n += await seedDemoValues(h.db, code, year);
        return n;
      });
      console.log(
        stored === 0
          ? `No demo figures to add up to ${year}.`
          : `Stored ${stored} demo figures up to ${year}.`,
      );
    });
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
