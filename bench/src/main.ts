import { runEngine } from './engine';

const benchmarks: Record<string, () => void> = {
  engine: runEngine,
};

const name = process.argv[2];
const run = name === undefined ? undefined : benchmarks[name];
if (run === undefined) {
  const names = Object.keys(benchmarks).join(', ');
  const problem = name === undefined ? 'no benchmark given' : `unknown benchmark "${name}"`;
  console.error(`${problem}; the benchmarks are: ${names}`);
  console.error('usage: npm run bench -- <name>');
  process.exit(2);
}
run();
