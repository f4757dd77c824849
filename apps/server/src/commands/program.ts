import { Command, CommanderError } from 'commander';
import { toDomainError } from '@pm/api';
import { DbOpenError } from '@pm/db';
import { ConfigError } from '../config';
import { CliError } from './context';
import { registerDbCommands } from './db';
import { registerDistrictCommands } from './districts';
import { registerPlanCommands } from './plan';
import { registerEvaluateCommand } from './evaluate';
import { registerDemoCommands } from './demo';
import { registerUserCommands } from './user';
import { registerValuesCommands } from './values';

export function buildCli(): Command {
  const program = new Command()
    .name('plan-monitor')
    .description(
      'Plan Monitor (规划实施监测) command line. Uses PM_DATA_DIR or DATABASE_URL like the server.',
    )
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  registerDistrictCommands(program);
  registerPlanCommands(program);
  registerEvaluateCommand(program);
  registerDemoCommands(program);
  registerUserCommands(program);
  registerValuesCommands(program);
  registerDbCommands(program);
  return program;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildCli().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ConfigError) console.error(`Error: ${error.message}`);
    else if (error instanceof DbOpenError)
      console.error(`Error: ${error.setting}: ${error.message}`);
    else if (error instanceof CliError) console.error(`Error: ${error.message}`);
    else if (toDomainError(error)) console.error(`Error: ${toDomainError(error)!.message}`);
    else console.error(error);
    return 1;
  }
}
