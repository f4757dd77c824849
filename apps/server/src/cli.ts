import { runCli } from './commands/program';

process.exitCode = await runCli(process.argv.slice(2));
