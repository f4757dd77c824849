const benchmarks: Record<string, () => Promise<(argv: string[]) => void | Promise<void>>> = {
  auth: async () => (await import('./auth')).runAuth,
  engine: async () => (await import('./engine')).runEngine,
  generate: async () => (await import('./generate')).runGenerate,
  http: async () => (await import('./http')).runHttp,
  web: async () => (await import('./web')).runWeb,
};

const [name, ...rest] = process.argv.slice(2);
const load = name === undefined ? undefined : benchmarks[name];
if (load === undefined) {
  const names = Object.keys(benchmarks).join(', ');
  const problem = name === undefined ? 'no benchmark given' : `unknown benchmark "${name}"`;
  console.error(`${problem}; the benchmarks are: ${names}`);
  console.error('usage: npm run bench -- <name> [options]');
  process.exit(2);
}
load()
  .then((run) => run(rest))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
