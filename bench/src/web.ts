import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));
const results = new URL('../results/', import.meta.url);

/** The JS files `file` imports statically (what the browser must load before running it). */
function staticImports(file: string): string[] {
  const code = readFileSync(join(dist, 'assets', file), 'utf8');
  return [
    ...code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']\.\/([\w.-]+\.js)["']/g),
  ].map((m) => m[1]!);
}

function closure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  return seen;
}

const gzipKb = (files: Iterable<string>) =>
  Number(
    (
      [...files].reduce((n, f) => n + gzipSync(readFileSync(join(dist, 'assets', f))).length, 0) /
      1024
    ).toFixed(1),
  );

/** First-load JS of each route: the entry's static graph plus the route chunk's, gzip. */
export function runWeb(): void {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('build first: npm run build');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((m) => m[1]!);
  const base = closure(entry);
  const assets = readdirSync(join(dist, 'assets'));
  const routes: Record<string, number> = { '(shell)': gzipKb(base) };
  for (const page of [
    'ScorecardPage',
    'DistrictsPage',
    'IndicatorPage',
    'EntryPage',
    'EvaluationPage',
    'UsersPage',
    'PlansPage',
    'SignInPage',
  ]) {
    const chunk = assets.find((a) => a.startsWith(`${page}-`) && a.endsWith('.js'));
    if (chunk) routes[page] = gzipKb(new Set([...base, ...closure([chunk])]));
  }
  const result = {
    name: 'web',
    date: new Date().toISOString(),
    firstLoadGzipKb: routes,
    budgetKb: 250,
  };
  console.log(JSON.stringify(result, null, 2));
  mkdirSync(results, { recursive: true });
  writeFileSync(new URL('web.json', results), `${JSON.stringify(result, null, 2)}\n`);
}
