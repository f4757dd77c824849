import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

const serverMain = fileURLToPath(new URL('../../apps/server/dist/main.js', import.meta.url));
const results = new URL('../results/', import.meta.url);

interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function stats(ms: number[]): Stats {
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

function startServer(databaseUrl: string, port: number): ChildProcess {
  if (!existsSync(serverMain)) throw new Error('build first: npm run build');
  // Extra node flags for the server, e.g. PM_BENCH_NODE_ARGS=--cpu-prof to profile it.
  const nodeArgs = (process.env.PM_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return spawn(process.execPath, [...nodeArgs, serverMain], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitHealthy(base: string) {
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

const WARMUP_SECONDS = 3;

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
  cookies: readonly string[],
  seconds: number,
  rate: number,
): Promise<SaveOutcome> {
  const clients = cookies.length;
  const interval = (clients / rate) * 1000;
  const outcome: SaveOutcome = { acknowledged: [], errors: 0, latencies: [] };
  const started = performance.now();
  const until = started + seconds * 1000;
  /** The first seconds open connections and warm the server; their latencies are not counted. */
  const warm = started + WARMUP_SECONDS * 1000;
  const year = LAST_YEAR + 1;
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  await Promise.all(
    cookies.map(async (cookie, c) => {
      const district = districtCode(c);
      const versions = new Map<number, number | null>();
      let i = 0;
      let next = performance.now() + Math.random() * interval;
      while (performance.now() < until) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        next += interval;
        const seq = 1 + (i % 5);
        i++;
        const body = {
          district,
          seq,
          year,
          kind: 'actual',
          value: 60 + (i % 7),
          version: versions.get(seq) ?? null,
          reason: 'bench',
        };
        const start = performance.now();
        try {
          const res = await post(agent, `${base}/trpc/values.save`, cookie, JSON.stringify(body));
          if (start >= warm) outcome.latencies.push(performance.now() - start);
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
      runs: { type: 'string', default: '15' },
      rate: { type: 'string', default: '200' },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error(
      'give --database-url (a PostgreSQL database filled by `npm run bench -- generate`)',
    );
  const port = Number(values.port);
  const base = `http://127.0.0.1:${port}`;
  const runs = Number(values.runs);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const districts =
    (await db.query<{ n: number }>(`select count(*)::int as n from districts`)).rows[0]?.n ?? 0;
  await db.query(`delete from yearly_values where year = $1 and source is null`, [LAST_YEAR + 1]);

  const server = startServer(databaseUrl, port);
  try {
    await waitHealthy(base);
    const leader = await signIn(base, 'bench-leader');
    const clients = Number(values.clients);
    if (!(clients >= 1 && clients <= Math.min(BENCH_OFFICIALS, districts)))
      throw new Error(
        `--clients must be 1…${Math.min(BENCH_OFFICIALS, districts)}: one official of one district each`,
      );
    // Each client is the official of their own district, as in real use.
    const officials: string[] = [];
    for (let c = 0; c < clients; c += 10)
      officials.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(10, clients - c) }, (_, k) =>
            signIn(base, benchOfficial(districtCode(c + k))),
          ),
        )),
      );

    // Saves first, on a fresh server, so that its memory is that of the save load.
    let peakRss = rssMb(server.pid!);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.pid!))), 250);
    const seconds = Number(values.seconds);
    const rate = Number(values.rate);
    const saves = await saveLoad(base, officials, seconds, rate);
    clearInterval(sampler);
    const lost = await lostSaves(db, saves.acknowledged);

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
        clients: Number(values.clients),
        seconds,
        offeredPerSecond: rate,
        acknowledged: saves.acknowledged.length,
        perSecond: Number((saves.acknowledged.length / seconds).toFixed(1)),
        errors: saves.errors,
        lost,
        latency: stats(saves.latencies),
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
