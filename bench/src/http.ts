import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDb } from '@pm/db';
import { startBareServer } from './bare-server';
import { directSaves, recordSavePath, type DirectClient, type DirectOutcome } from './direct-save';
import {
  BENCH_OFFICIALS,
  BENCH_PASSWORD,
  benchOfficial,
  LAST_YEAR,
  syntheticCode,
} from './generate';
import {
  bulkImport,
  leagueExports,
  leagueRounds,
  stopServer,
  timed,
  trpcGet,
  type BulkImport,
} from './http-league';
import { listOption, wholeOption } from './options';

const serverMain = fileURLToPath(new URL('../../apps/server/dist/main.js', import.meta.url));
const results = new URL('../results/', import.meta.url);

/** The server's pool (createDb's default): the direct saves get as many connections. */
const SERVER_POOL = 10;
/** Indicators the app's save clients write; the direct saves write others of the same districts. */
const APP_SEQS = [1, 2, 3, 4, 5];
const DIRECT_SEQS = [6, 7, 8, 9, 10];
/** Indicators the bare server's recording of the save path writes. */
const BARE_RECORD_SEQS = [11, 12] as const;
/** The share of the direct limit the paced run offers. */
const PACED_SHARE = 0.8;

interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function stats(ms: readonly number[]): Stats {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) =>
    Number((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN).toFixed(1));
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
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

/**
 * CPU seconds used so far by each PostgreSQL backend serving this database (not the bench's own
 * `db` connection), by pid: other databases' work on a shared machine is left out, and so are
 * PostgreSQL's background processes (WAL writer, checkpointer).
 */
async function backendCpu(db: pg.Client): Promise<Map<number, number>> {
  const { rows } = await db.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
  );
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      out.set(pid, cpuSeconds(pid));
    } catch {
      // The backend ended while we looked.
    }
  }
  return out;
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
 * slower than its pace sends the next one at once). `rate` null: no pacing, each client sends its
 * next save as soon as the last one is acknowledged (closed loop: the server's most).
 */
async function saveLoad(
  base: string,
  clients: readonly SaveClient[],
  seconds: number,
  rate: number | null,
): Promise<SaveOutcome> {
  const interval = rate === null ? 0 : (clients.length / rate) * 1000;
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
        const seq = APP_SEQS[i++ % APP_SEQS.length]!;
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

interface Cpu {
  server: number;
  postgres: Map<number, number>;
  bench: NodeJS.CpuUsage;
}

const cpuNow = async (pid: number, db: pg.Client): Promise<Cpu> => ({
  server: cpuSeconds(pid),
  postgres: await backendCpu(db),
  bench: process.cpuUsage(),
});

/**
 * CPU ms per save of the server, this database's PostgreSQL backends (a backend that started
 * meanwhile counts whole) and this process (the load generator).
 */
function cpuPerSave(before: Cpu, after: Cpu, saves: number) {
  const per = (seconds: number) => Number(((seconds * 1000) / Math.max(1, saves)).toFixed(2));
  const bench = process.cpuUsage(before.bench);
  let postgres = 0;
  for (const [pid, seconds] of after.postgres)
    postgres += seconds - (before.postgres.get(pid) ?? 0);
  return {
    server: per(after.server - before.server),
    postgres: per(postgres),
    bench: per((bench.user + bench.system) / 1e6),
  };
}

const round1 = (n: number) => Number(n.toFixed(1));
const ratio = (a: number, b: number) => Number((a / b).toFixed(2));

function saveFigures(
  o: { acknowledged: unknown[]; errors: number; latencies: number[] },
  seconds: number,
  lost: number,
  cpuMsPerSave: ReturnType<typeof cpuPerSave> | null,
) {
  return {
    seconds,
    acknowledged: o.acknowledged.length,
    perSecond: round1(o.acknowledged.length / seconds),
    errors: o.errors,
    lost,
    latency: stats(o.latencies),
    ...(cpuMsPerSave && { cpuMsPerSave }),
  };
}

/** Each official's district, plan, session and indicator ids, for the direct saves. */
async function directClients(db: pg.Client, usernames: string[]): Promise<DirectClient[]> {
  const { rows } = await db.query<{
    username: string;
    token_hash: string;
    plan_id: number;
    district_id: string;
    indicators: Record<string, number>;
  }>(
    `select u.username, s.token_hash, p.id as plan_id, p.district_id,
       (select json_object_agg(i.seq, i.id) from indicators i where i.plan_id = p.id) as indicators
     from users u
     join lateral (select token_hash from sessions where user_id = u.id
                   order by created_at desc limit 1) s on true
     join user_districts ud on ud.user_id = u.id
     join lateral (select id, district_id from plans where district_id = ud.district_id
                   order by target_year desc limit 1) p on true
     where u.username = any($1)`,
    [usernames],
  );
  const byName = new Map(rows.map((r) => [r.username, r]));
  return usernames.map((username) => {
    const r = byName.get(username);
    if (!r) throw new Error(`no session or plan for ${username}`);
    return {
      district: r.district_id,
      planId: r.plan_id,
      username,
      tokenHash: r.token_hash,
      indicatorIds: new Map(Object.entries(r.indicators).map(([seq, id]) => [Number(seq), id])),
    };
  });
}

async function signInAll(base: string, count: number): Promise<SaveClient[]> {
  const officials: SaveClient[] = [];
  for (let c = 0; c < count; c += 10)
    officials.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(10, count - c) }, async (_, k) => {
          const district = syntheticCode(c + k);
          const cookie = await signIn(base, benchOfficial(district));
          return { cookie, district, versions: new Map<number, number | null>() };
        }),
      )),
    );
  return officials;
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
      levels: { type: 'string', default: '10,25,50,100' },
      'saturation-seconds': { type: 'string', default: '15' },
      restarts: { type: 'string', default: '5' },
      imports: { type: 'string', default: '3' },
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
  const saturationSeconds = wholeOption(
    values['saturation-seconds'],
    '--saturation-seconds',
    1,
    3_600,
  );
  const restarts = wholeOption(values.restarts, '--restarts', 0, 100);
  const imports = wholeOption(values.imports, '--imports', 0, 100);
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const districts =
    (await db.query<{ n: number }>(`select count(*)::int as n from districts`)).rows[0]?.n ?? 0;
  // Each client is the official of their own district, as in real use: the generator made
  // BENCH_OFFICIALS of them.
  const most = Math.min(BENCH_OFFICIALS, districts);
  const clients = wholeOption(values.clients, '--clients', 1, most);
  const levels = listOption(values.levels, '--levels', 1, most);
  // Other work on this shared machine slows every figure: the 1-minute load average, sampled.
  const load: number[] = [];
  const loadSampler = setInterval(() => load.push(loadavg()[0]!), 5_000);
  const loadAtStart = round1(loadavg()[0]!);
  // Every run starts from the same database: the previous run's saves removed and the dead rows
  // they and its league measurements left vacuumed away (autovacuum may be off, or behind).
  await db.query(`delete from yearly_values where year = $1 and source is null`, [LAST_YEAR + 1]);
  await db.query(`vacuum analyze yearly_values, value_history, plan_revisions`);

  const app = await createDb({ driver: 'postgres', url: databaseUrl, poolSize: 1 });
  let server = startServer(databaseUrl, port);
  try {
    await waitHealthy(base);
    const leader = await signIn(base, 'bench-leader');
    const officials = await signInAll(base, Math.max(clients, ...levels));
    const direct = await directClients(
      db,
      officials.map((o) => benchOfficial(o.district)),
    );

    // Saves first, on a fresh server, so that its memory is that of the save load. The first
    // seconds of a fresh server are measured apart: its code is not yet compiled, its connections
    // not yet open, its caches empty (a load balancer's slow start is meant for them).
    let peakRss = rssMb(server.pid!);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.pid!))), 250);
    const pacers = officials.slice(0, clients);
    const cold = warmup > 0 ? await saveLoad(base, pacers, warmup, rate) : null;
    const pacedBefore = await cpuNow(server.pid!, db);
    const paced = await saveLoad(base, pacers, seconds, rate);
    const pacedCpu = cpuPerSave(
      pacedBefore,
      await cpuNow(server.pid!, db),
      paced.acknowledged.length,
    );

    // Saturation: the app closed loop, then the same statements without it, at each level.
    const path = await recordSavePath(databaseUrl, direct[0]!, [DIRECT_SEQS[0]!, DIRECT_SEQS[1]!]);
    const directWritten = [...path.written];
    const saturation = [];
    for (const level of levels) {
      const appBefore = await cpuNow(server.pid!, db);
      const viaApp = await saveLoad(base, officials.slice(0, level), saturationSeconds, null);
      const appCpu = cpuPerSave(
        appBefore,
        await cpuNow(server.pid!, db),
        viaApp.acknowledged.length,
      );
      const directBefore = await cpuNow(server.pid!, db);
      let directAfter = directBefore;
      const without: DirectOutcome = await directSaves(databaseUrl, path, direct.slice(0, level), {
        seconds: saturationSeconds,
        poolSize: SERVER_POOL,
        seqs: DIRECT_SEQS,
        // While its connections are open: a backend's CPU is gone from /proc once it ends.
        beforeClose: async () => {
          directAfter = await cpuNow(server.pid!, db);
        },
      });
      const directCpu = cpuPerSave(directBefore, directAfter, without.acknowledged.length);
      directWritten.push(...without.inserted);
      const a = saveFigures(
        viaApp,
        saturationSeconds,
        await lostSaves(db, viaApp.acknowledged),
        appCpu,
      );
      const d = saveFigures(
        without,
        saturationSeconds,
        await lostSaves(db, without.acknowledged),
        directCpu,
      );
      saturation.push({
        clients: level,
        app: a,
        direct: d,
        appOverDirect: ratio(a.perSecond, d.perSecond),
      });
      console.log(
        `saves, ${level} clients closed loop: app ${a.perSecond}/s (p95 ${a.latency.p95} ms), direct ${d.perSecond}/s (p95 ${d.latency.p95} ms)`,
      );
    }
    // What the direct saves wrote goes (their history rows with them), so the database is as
    // it was; the app's saves stay until the next run starts.
    await db.query(`delete from yearly_values where id = any($1::bigint[])`, [directWritten]);
    const directLimit = Math.max(...saturation.map((s) => s.direct.perSecond));
    const appBest = Math.max(...saturation.map((s) => s.app.perSecond));
    const pacedRate = Math.round(PACED_SHARE * directLimit);
    const atLimitBefore = await cpuNow(server.pid!, db);
    const atLimit = await saveLoad(base, pacers, seconds, pacedRate);
    const atLimitCpu = cpuPerSave(
      atLimitBefore,
      await cpuNow(server.pid!, db),
      atLimit.acknowledged.length,
    );
    clearInterval(sampler);

    // The ceiling for any Node server on this machine: the same saves through a bare one
    // (node:http and node-postgres, no framework), closed loop at the direct limit's level, then
    // paced as the app was.
    const bestLevel = saturation.reduce((a, b) =>
      b.direct.perSecond > a.direct.perSecond ? b : a,
    ).clients;
    const bare = await startBareServer(
      databaseUrl,
      port + 1,
      direct.slice(0, Math.max(clients, ...levels)),
      SERVER_POOL,
      BARE_RECORD_SEQS,
    );
    directWritten.push(...bare.written);
    const bareBase = `http://127.0.0.1:${port + 1}`;
    let bareFigures;
    try {
      const before = await cpuNow(bare.process.pid!, db);
      const closed = await saveLoad(
        bareBase,
        officials.slice(0, bestLevel),
        saturationSeconds,
        null,
      );
      const closedCpu = cpuPerSave(
        before,
        await cpuNow(bare.process.pid!, db),
        closed.acknowledged.length,
      );
      const pacedBefore = await cpuNow(bare.process.pid!, db);
      const atRate = await saveLoad(bareBase, pacers, seconds, pacedRate);
      const atRateCpu = cpuPerSave(
        pacedBefore,
        await cpuNow(bare.process.pid!, db),
        atRate.acknowledged.length,
      );
      const closedFigures = saveFigures(
        closed,
        saturationSeconds,
        await lostSaves(db, closed.acknowledged),
        closedCpu,
      );
      bareFigures = {
        clients: bestLevel,
        closedLoop: closedFigures,
        overDirect: ratio(closedFigures.perSecond, directLimit),
        appOverBare: ratio(appBest, closedFigures.perSecond),
        pacedAtShareOfDirectLimit: {
          offeredPerSecond: pacedRate,
          ...saveFigures(atRate, seconds, await lostSaves(db, atRate.acknowledged), atRateCpu),
        },
      };
    } finally {
      await stopServer(bare.process);
    }
    await db.query(`delete from yearly_values where id = any($1::bigint[])`, [bare.written]);

    const coldLost = await lostSaves(db, cold?.acknowledged ?? []);
    const pacedLost = await lostSaves(db, paced.acknowledged);
    const atLimitLost = await lostSaves(db, atLimit.acknowledged);

    const league = await leagueRounds(base, leader, db, app.db, runs);
    const scorecard: number[] = [];
    for (let i = 0; i < 100 + 5; i++) {
      const district = syntheticCode((i * 37) % districts);
      const [ms] = await timed(() => trpcGet(base, leader, 'scorecard.district', { district }));
      if (i >= 5) scorecard.push(ms);
    }
    const exports = await leagueExports(base, leader, 5);
    const imported: BulkImport[] = [];
    for (let i = 0; i < imports; i++)
      imported.push(await bulkImport(databaseUrl, base, leader, db));
    const restarted: { firstLeagueMs: number; secondLeagueMs: number; startMs: number }[] = [];
    for (let i = 0; i < restarts; i++) {
      await stopServer(server);
      const [startMs] = await timed(async () => {
        server = startServer(databaseUrl, port);
        await waitHealthy(base);
      });
      // The leader's session is in the database: it outlives the server.
      const [firstLeagueMs] = await timed(() => trpcGet(base, leader, 'scorecard.league', {}));
      const [secondLeagueMs] = await timed(() => trpcGet(base, leader, 'scorecard.league', {}));
      restarted.push({ firstLeagueMs, secondLeagueMs, startMs });
    }

    const raw = stats(league.raw);
    const overRaw = (s: Stats) => ratio(s.p50, raw.p50);
    const afterOneChange = stats(league.afterOneChange);
    const unchanged = stats(league.unchanged);
    const everyPlanChanged = stats(league.everyPlanChanged);
    const coldRestart = stats(restarted.map((r) => r.firstLeagueMs));
    const coldImport = stats(imported.map((r) => r.firstLeagueMs));
    const result = {
      name: 'http',
      date: new Date().toISOString(),
      node: process.version,
      database: 'postgresql',
      machine: {
        cpus: cpus().length,
        // No array of numbers here: Prettier would put it on one line (results are checked).
        loadAverage1m: {
          atStart: loadAtStart,
          mean: round1(load.reduce((a, b) => a + b, 0) / Math.max(1, load.length)),
          max: round1(Math.max(...load)),
        },
      },
      districts,
      league: {
        firstPage: { rows: league.rows, total: league.total, ...league.firstPage },
        afterOneChange,
        unchanged,
        provincePage: { ...stats(league.province), ...league.provincePage },
        everyPlanChangedNoSummary: everyPlanChanged,
        coldAfterRestart: {
          ...coldRestart,
          secondCall: stats(restarted.map((r) => r.secondLeagueMs)),
          serverStartMs: stats(restarted.map((r) => r.startMs)),
        },
        coldAfterBulkImport: {
          ...coldImport,
          secondCall: stats(imported.map((r) => r.secondLeagueMs)),
          transactionMs: stats(imported.map((r) => r.transactionMs)),
          updateMs: stats(imported.map((r) => r.updateMs)),
          refreshSummariesMs: stats(imported.map((r) => r.refreshMs)),
          summariesStored: imported[0]?.summariesStored ?? 0,
        },
        exportCsv: {
          ...stats(exports.ms),
          rows: exports.rows,
          fileBytes: exports.fileBytes,
          answer: exports.answer,
        },
        rawRead: raw,
        overRaw: {
          afterOneChange: overRaw(afterOneChange),
          unchanged: overRaw(unchanged),
          coldAfterRestart: overRaw(coldRestart),
          coldAfterBulkImport: overRaw(coldImport),
          everyPlanChangedNoSummary: overRaw(everyPlanChanged),
        },
      },
      scorecard: stats(scorecard),
      saves: {
        clients,
        coldStart: cold && {
          offeredPerSecond: rate,
          ...saveFigures(cold, warmup, coldLost, null),
        },
        paced: { offeredPerSecond: rate, ...saveFigures(paced, seconds, pacedLost, pacedCpu) },
        /** The statements each save sends to PostgreSQL, app and direct alike (recorded). */
        statementsPerSave: path.sent,
        saturation,
        directLimitPerSecond: directLimit,
        appBestPerSecond: appBest,
        appOverDirect: ratio(appBest, directLimit),
        pacedAtShareOfDirectLimit: {
          share: PACED_SHARE,
          offeredPerSecond: pacedRate,
          ...saveFigures(atLimit, seconds, atLimitLost, atLimitCpu),
        },
        /** The same saves through a bare Node server: what any Node server costs here. */
        bare: bareFigures,
      },
      serverPeakRssMb: round1(peakRss),
    };
    console.log(JSON.stringify(result, null, 2));
    console.log(summaryText(result));
    mkdirSync(results, { recursive: true });
    writeFileSync(new URL('http.json', results), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    clearInterval(loadSampler);
    await stopServer(server);
    await app.close();
    await db.end();
  }
}

type HttpResult = {
  districts: number;
  machine: { cpus: number; loadAverage1m: { mean: number; max: number } };
  league: {
    firstPage: {
      rows: number;
      total: number;
      bytes?: number;
      wireBytes?: number;
      encoding?: string;
    };
    afterOneChange: Stats;
    unchanged: Stats;
    provincePage: Stats & { bytes?: number };
    everyPlanChangedNoSummary: Stats;
    coldAfterRestart: Stats;
    coldAfterBulkImport: Stats & {
      transactionMs: Stats;
      updateMs: Stats;
      refreshSummariesMs: Stats;
      summariesStored: number;
    };
    exportCsv: Stats & { fileBytes: number };
    rawRead: Stats;
    overRaw: Record<string, number>;
  };
  scorecard: Stats;
  saves: {
    paced: ReturnType<typeof saveFigures> & { offeredPerSecond: number };
    saturation: {
      clients: number;
      app: ReturnType<typeof saveFigures>;
      direct: ReturnType<typeof saveFigures>;
      appOverDirect: number;
    }[];
    directLimitPerSecond: number;
    appOverDirect: number;
    pacedAtShareOfDirectLimit: ReturnType<typeof saveFigures> & { offeredPerSecond: number };
    bare: {
      clients: number;
      closedLoop: ReturnType<typeof saveFigures>;
      overDirect: number;
      appOverBare: number;
      pacedAtShareOfDirectLimit: ReturnType<typeof saveFigures> & { offeredPerSecond: number };
    };
  };
  serverPeakRssMb: number;
};

const kb = (bytes: number | undefined) => `${((bytes ?? 0) / 1024).toFixed(1)} KB`;
const p = (s: Stats) => `p50 ${s.p50} / p95 ${s.p95} ms`;
const saveLine = (s: ReturnType<typeof saveFigures>) =>
  `${s.perSecond}/s, p50 ${s.latency.p50} p95 ${s.latency.p95} p99 ${s.latency.p99} ms, ${s.errors} errors, ${s.lost} lost`;

/** The figures a person reads first, one a line. */
function summaryText(r: HttpResult): string {
  const l = r.league;
  const s = r.saves;
  return [
    `bench http, ${r.districts} districts, ${r.machine.cpus} CPUs, load average ${r.machine.loadAverage1m.mean} (max ${r.machine.loadAverage1m.max})`,
    `league first page: ${l.firstPage.rows} of ${l.firstPage.total} rows, ${kb(l.firstPage.bytes)} (${l.firstPage.encoding} ${kb(l.firstPage.wireBytes)})`,
    `  after one approval ${p(l.afterOneChange)}; unchanged ${p(l.unchanged)}`,
    `  a province's page ${p(l.provincePage)}, ${kb(l.provincePage.bytes)}`,
    `  cold after a restart ${p(l.coldAfterRestart)}; after a bulk import ${p(l.coldAfterBulkImport)} (its transaction ${p(l.coldAfterBulkImport.transactionMs)}: update p50 ${l.coldAfterBulkImport.updateMs.p50} ms, refreshSummaries p50 ${l.coldAfterBulkImport.refreshSummariesMs.p50} ms for ${l.coldAfterBulkImport.summariesStored} summaries)`,
    `  every plan changed, no summary current ${p(l.everyPlanChangedNoSummary)}`,
    `  raw SQL read ${p(l.rawRead)}; over raw (p50): ${Object.entries(l.overRaw)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    `  CSV export ${p(l.exportCsv)}, ${kb(l.exportCsv.fileBytes)}`,
    `scorecard.district ${p(r.scorecard)}`,
    `saves paced at ${s.paced.offeredPerSecond}/s: ${saveLine(s.paced)}`,
    ...s.saturation.map(
      (x) =>
        `saves closed loop, ${x.clients} clients: app ${saveLine(x.app)}; direct ${saveLine(x.direct)}; app/direct ${x.appOverDirect}`,
    ),
    `direct limit ${s.directLimitPerSecond}/s, app/direct at best ${s.appOverDirect}`,
    `saves paced at ${s.pacedAtShareOfDirectLimit.offeredPerSecond}/s (80% of the direct limit): ${saveLine(s.pacedAtShareOfDirectLimit)}`,
    `bare Node server (node:http + node-postgres, same statements), ${s.bare.clients} clients closed loop: ${saveLine(s.bare.closedLoop)}; bare/direct ${s.bare.overDirect}, app/bare ${s.bare.appOverBare}`,
    `  bare, paced at ${s.bare.pacedAtShareOfDirectLimit.offeredPerSecond}/s: ${saveLine(s.bare.pacedAtShareOfDirectLimit)}`,
    `server peak RSS ${r.serverPeakRssMb} MB`,
  ].join('\n');
}
