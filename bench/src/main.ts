import { runAuth } from './auth';
import { runEngine } from './engine';
import { runGenerate } from './generate';
import { runHttp } from './http';
import { runWeb } from './web';

const benchmarks: Record<string, (argv: string[]) => void | Promise<void>> = {
  auth: runAuth,
  engine: runEngine,
  generate: runGenerate,
  http: runHttp,
  web: runWeb,
};

const [name, ...rest] = process.argv.slice(2);
const run = name === undefined ? undefined : benchmarks[name];
if (run === undefined) {
  const names = Object.keys(benchmarks).join(', ');
  const problem = name === undefined ? 'no benchmark given' : `unknown benchmark "${name}"`;
  console.error(`${problem}; the benchmarks are: ${names}`);
  console.error('usage: npm run bench -- <name> [options]');
  process.exit(2);
}
Promise.resolve(run(rest)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
