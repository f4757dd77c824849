import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  BENCH_OFFICIALS,
  BENCH_PASSWORD,
  benchOfficial,
  LAST_YEAR,
  SYNTHETIC_PREFIX,
} from './generate';
import { wholeOption } from './options';

const serverMain = fileURLToPath(new URL('../../apps/server/dist/main.js', import.meta.url));
const results = new URL('../results/', import.meta.url);

interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) =>
    Number((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN).toFixed(1));
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

/** The built server (`main`, by default this tree's build) on `port`, with `env` added. */
export function startServer(
  databaseUrl: string,
  port: number,
  { main = serverMain, env = {} }: { main?: string; env?: Record<string, string> } = {},
): ChildProcess {
  if (!existsSync(main)) throw new Error(`build first: npm run build (no ${main})`);
  // Extra node flags for the server, e.g. PM_BENCH_NODE_ARGS=--cpu-prof to profile it.
  const nodeArgs = (process.env.PM_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return spawn(process.execPath, [...nodeArgs, main], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function waitHealthy(base: string) {
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not become healthy');
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const TICKS_PER_SECOND = 100;

/** CPU seconds used so far by a process (user and system, from /proc). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** CPU seconds used so far by the PostgreSQL processes of this machine, when it runs them. */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres')
        total += cpuSeconds(+pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const query = (base: string, cookie: string, path: string, input: unknown) =>
  fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie },
  }).then(async (r) => {
    const text = await r.text();
    if (!r.ok) throw new Error(`${path}: ${r.status} ${text.slice(0, 200)}`);
    return Buffer.byteLength(text);
  });

/** The league table's data in one raw SQL read: every plan's indicators with their approved values. */
const RAW_LEAGUE_SQL = `
  select p.district_id, i.seq, i.category, i.attribute, i.target, v.year, v.kind, v.value
  from plans p
  join indicators i on i.plan_id = p.id
  left join yearly_values v on v.indicator_id = i.id and v.state = 'approved'
    and v.year between p.baseline_year and p.midterm_year`;

/** The code of the synthetic district numbered `n` (from 0). */
const districtCode = (n: number) => String(SYNTHETIC_PREFIX * 100_000 + n);

/**
 * One POST over a kept-alive connection with node:http, which costs the load generator less CPU
 * than fetch: on a 2-core machine every cycle it spends is taken from the server and PostgreSQL.
 */
function post(
  agent: Agent,
  url: string,
  cookie: string,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          cookie,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** An official saving their own district's figures, with the versions their saves returned. */
interface SaveClient {
  cookie: string;
  district: string;
  versions: Map<number, number | null>;
}

interface SaveOutcome {
  acknowledged: { id: number; version: number }[];
  errors: number;
  latencies: number[];
}

/**
 * `clients` officials each saving drafts of their own district's figures for `seconds`, together
 * offering `rate` saves a second (each client paces itself, as people do; a client whose save is
 * slower than its pace sends the next one at once).
 */
async function saveLoad(
  base: string,
  clients: readonly SaveClient[],
  seconds: number,
  rate: number,
): Promise<SaveOutcome> {
  const interval = (clients.length / rate) * 1000;
  const outcome: SaveOutcome = { acknowledged: [], errors: 0, latencies: [] };
  const until = performance.now() + seconds * 1000;
  const year = LAST_YEAR + 1;
  const agent = new Agent({ keepAlive: true, maxSockets: clients.length });
  await Promise.all(
    clients.map(async ({ cookie, district, versions }) => {
      let i = 0;
      let next = performance.now() + Math.random() * interval;
      while (performance.now() < until) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        next += interval;
        const seq = 1 + (i % 5);
        i++;
        const version = versions.get(seq) ?? null;
        const body = {
          district,
          seq,
          year,
          kind: 'actual',
          // Unlike the figure stored at `version` (a save of the same figure changes nothing),
          // however many runs of the load came before.
          value: 60 + (((version ?? 0) + 1) % 7),
          version,
          reason: 'bench',
        };
        const start = performance.now();
        try {
          const res = await post(agent, `${base}/trpc/values.save`, cookie, JSON.stringify(body));
          outcome.latencies.push(performance.now() - start);
          const json = JSON.parse(res.text) as {
            result?: { data: { value: { id: number; version: number } | null } };
          };
          const saved = json.result?.data.value;
          if (res.status !== 200 || !saved) {
            outcome.errors++;
            continue;
          }
          versions.set(seq, saved.version);
          outcome.acknowledged.push({ id: saved.id, version: saved.version });
        } catch {
          outcome.errors++;
        }
      }
    }),
  );
  agent.destroy();
  return outcome;
}

/** Every acknowledged save is stored at its version or later, with a history row of that version. */
async function lostSaves(client: pg.Client, saves: SaveOutcome['acknowledged']): Promise<number> {
  const ids = saves.map((s) => s.id);
  const versions = saves.map((s) => s.version);
  const { rows } = await client.query<{ lost: number }>(
    `select count(*)::int as lost from unnest($1::bigint[], $2::int[]) as a(id, version)
     where not exists (select 1 from yearly_values v where v.id = a.id and v.version >= a.version)
        or not exists (select 1 from value_history h where h.value_id = a.id and h.version = a.version)`,
    [ids, versions],
  );
  return rows[0]?.lost ?? -1;
}

export async function runHttp(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'database-url': { type: 'string' },
      port: { type: 'string', default: '3999' },
      clients: { type: 'string', default: '100' },
      seconds: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '10' },
      runs: { type: 'string', default: '15' },
      rate: { type: 'string', default: '200' },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error(
      'give --database-url (a PostgreSQL database filled by `npm run bench -- generate`)',
    );
  const port = wholeOption(values.port, '--port', 1, 65_535);
  const base = `http://127.0.0.1:${port}`;
  const runs = wholeOption(values.runs, '--runs', 1, 1_000);
  const seconds = wholeOption(values.seconds, '--seconds', 1, 3_600);
  const warmup = wholeOption(values.warmup, '--warmup', 0, 3_600);
  const rate = wholeOption(values.rate, '--rate', 1, 100_000);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const districts =
    (await db.query<{ n: number }>(`select count(*)::int as n from districts`)).rows[0]?.n ?? 0;
  // Each client is the official of their own district, as in real use: the generator made
  // BENCH_OFFICIALS of them.
  const clients = wholeOption(values.clients, '--clients', 1, Math.min(BENCH_OFFICIALS, districts));
  // Every run starts from the same database: the previous run's saves removed and the dead rows
  // they and its league measurements left vacuumed away (autovacuum may be off, or behind).
  await db.query(`delete from yearly_values where year = $1 and source is null`, [LAST_YEAR + 1]);
  await db.query(`vacuum analyze yearly_values, value_history, plan_revisions`);

  const server = startServer(databaseUrl, port);
  try {
    await waitHealthy(base);
    const leader = await signIn(base, 'bench-leader');
    const officials: SaveClient[] = [];
    for (let c = 0; c < clients; c += 10)
      officials.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(10, clients - c) }, async (_, k) => {
            const district = districtCode(c + k);
            const cookie = await signIn(base, benchOfficial(district));
            return { cookie, district, versions: new Map<number, number | null>() };
          }),
        )),
      );

    // Saves first, on a fresh server, so that its memory is that of the save load. The first
    // seconds of a fresh server are measured apart: its code is not yet compiled, its connections
    // not yet open, its caches empty (a load balancer's slow start is meant for them).
    let peakRss = rssMb(server.pid!);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.pid!))), 250);
    const cold = warmup > 0 ? await saveLoad(base, officials, warmup, rate) : null;
    const cpuBefore = { server: cpuSeconds(server.pid!), postgres: postgresCpuSeconds() };
    const saves = await saveLoad(base, officials, seconds, rate);
    const perSave = (before: number, after: number) =>
      Number((((after - before) * 1000) / Math.max(1, saves.acknowledged.length)).toFixed(2));
    const cpuMsPerSave = {
      server: perSave(cpuBefore.server, cpuSeconds(server.pid!)),
      postgres: perSave(cpuBefore.postgres, postgresCpuSeconds()),
    };
    clearInterval(sampler);
    const lost = await lostSaves(db, [...(cold?.acknowledged ?? []), ...saves.acknowledged]);

    // The league as leaders meet it: after one district's approved figure changed (the usual
    // case: every approval changes one plan), with nothing changed since the last view, and cold
    // (every plan changed, as after a restart or a bulk import).
    const league = {
      afterOneChange: [] as number[],
      unchanged: [] as number[],
      cold: [] as number[],
    };
    const raw: number[] = [];
    let leagueBytes = 0;
    const changes = (
      await db.query<{ id: string }>(
        `select id from yearly_values where state = 'approved' order by random() limit $1`,
        [runs + 2],
      )
    ).rows.map((r) => r.id);
    for (let i = 0; i < runs + 2; i++) {
      const measure = async (into: number[]) => {
        const [ms, bytes] = await timed(() => query(base, leader, 'scorecard.league', {}));
        if (i >= 2) into.push(ms);
        leagueBytes = bytes;
      };
      // The same write an approval makes to a figure: the triggers bump that plan's revision.
      await db.query(`update yearly_values set version = version + 1 where id = $1`, [changes[i]]);
      await measure(league.afterOneChange);
      await measure(league.unchanged);
      await db.query(`insert into plan_revisions (plan_id, revision) select id, 1 from plans
        on conflict (plan_id) do update set revision = plan_revisions.revision + 1`);
      await measure(league.cold);
      const [rawMs] = await timed(() => db.query(RAW_LEAGUE_SQL));
      if (i >= 2) raw.push(rawMs);
    }
    const scorecard: number[] = [];
    for (let i = 0; i < 100 + 5; i++) {
      const district = districtCode((i * 37) % districts);
      const [ms] = await timed(() => query(base, leader, 'scorecard.district', { district }));
      if (i >= 5) scorecard.push(ms);
    }

    const leagueStats = stats(league.afterOneChange);
    const rawStats = stats(raw);
    const result = {
      name: 'http',
      date: new Date().toISOString(),
      node: process.version,
      database: 'postgresql',
      districts,
      league: { ...leagueStats, bytes: leagueBytes },
      leagueUnchanged: stats(league.unchanged),
      leagueCold: stats(league.cold),
      rawRead: rawStats,
      leagueOverRaw: Number((leagueStats.p50 / rawStats.p50).toFixed(2)),
      leagueColdOverRaw: Number((stats(league.cold).p50 / rawStats.p50).toFixed(2)),
      scorecard: stats(scorecard),
      saves: {
        clients,
        seconds,
        offeredPerSecond: rate,
        acknowledged: saves.acknowledged.length,
        perSecond: Number((saves.acknowledged.length / seconds).toFixed(1)),
        errors: saves.errors,
        lost,
        latency: stats(saves.latencies),
        cpuMsPerSave,
        coldStart: cold && {
          seconds: warmup,
          acknowledged: cold.acknowledged.length,
          perSecond: Number((cold.acknowledged.length / warmup).toFixed(1)),
          errors: cold.errors,
          latency: stats(cold.latencies),
        },
      },
      serverPeakRssMb: Number(peakRss.toFixed(1)),
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync(results, { recursive: true });
    writeFileSync(new URL('http.json', results), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    server.kill('SIGTERM');
    await db.end();
  }
}
