import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { refreshSummaries } from '@pm/api';
import { createDb, type Database } from '@pm/db';

/** What a browser sends: the server answers with brotli, else gzip. */
const ACCEPT_ENCODING = 'gzip, deflate, br';

export interface Answer {
  /** The JSON, uncompressed. */
  text: string;
  /** Bytes of the JSON uncompressed. */
  bytes: number;
  /** Bytes on the wire (compressed when the server compressed it). */
  wireBytes: number;
  encoding: string;
}

/** One tRPC query as a browser makes it (compression accepted, answer unpacked). */
export function trpcGet(base: string, cookie: string, path: string, input: unknown) {
  const url = `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
  return new Promise<Answer>((resolve, reject) => {
    const req = request(url, { headers: { cookie, 'accept-encoding': ACCEPT_ENCODING } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const wire = Buffer.concat(chunks);
        const encoding = String(res.headers['content-encoding'] ?? 'identity');
        const body =
          encoding === 'br'
            ? brotliDecompressSync(wire)
            : encoding === 'gzip'
              ? gunzipSync(wire)
              : encoding === 'deflate'
                ? inflateSync(wire)
                : wire;
        const text = body.toString('utf8');
        if (res.statusCode !== 200)
          reject(new Error(`${path}: ${res.statusCode} ${text.slice(0, 200)}`));
        else resolve({ text, bytes: body.length, wireBytes: wire.length, encoding });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

/** The league table's data in one raw SQL read: every plan's indicators with their approved values. */
export const RAW_LEAGUE_SQL = `
  select p.district_id, i.seq, i.category, i.attribute, i.target, v.year, v.kind, v.value
  from plans p
  join indicators i on i.plan_id = p.id
  left join yearly_values v on v.indicator_id = i.id and v.state = 'approved'
    and v.year between p.baseline_year and p.midterm_year`;

export interface Sizes {
  bytes: number;
  wireBytes: number;
  encoding: string;
}

const sizes = (a: Answer): Sizes => ({
  bytes: a.bytes,
  wireBytes: a.wireBytes,
  encoding: a.encoding,
});

export interface LeagueSamples {
  /** The first page ({}: 50 rows by rank, roll-ups) after one district's approval. */
  afterOneChange: number[];
  /** The same again, nothing changed. */
  unchanged: number[];
  /** A province's first page (?province=9P), nothing changed. */
  province: number[];
  /** The first page after every plan's revision was bumped with no summary refreshed. */
  everyPlanChanged: number[];
  raw: number[];
  firstPage: Sizes | null;
  provincePage: Sizes | null;
  rows: number;
  total: number;
}

/**
 * The league as leaders meet it, `runs` times after two unmeasured rounds: after one district's
 * approval (the figure written and, as the app's approval does, that plan's summary refreshed in
 * the same transaction), with nothing changed, a province's page, after every plan changed
 * behind the app's back (no summary current: the server assesses all), and the raw SQL read.
 */
export async function leagueRounds(
  base: string,
  leader: string,
  db: pg.Client,
  app: Database,
  runs: number,
): Promise<LeagueSamples> {
  const out: LeagueSamples = {
    afterOneChange: [],
    unchanged: [],
    province: [],
    everyPlanChanged: [],
    raw: [],
    firstPage: null,
    provincePage: null,
    rows: 0,
    total: 0,
  };
  const changes = (
    await db.query<{ id: string; plan_id: number }>(
      `select v.id, i.plan_id from yearly_values v join indicators i on i.id = v.indicator_id
       where v.state = 'approved' order by random() limit $1`,
      [runs + 2],
    )
  ).rows;
  const provinces = (
    await db.query<{ p: string }>(`select distinct left(id, 2) as p from districts order by 1`)
  ).rows.map((r) => r.p);
  for (let i = 0; i < runs + 2; i++) {
    const keep = i >= 2;
    const page = async (into: number[], input: object) => {
      const [ms, answer] = await timed(() => trpcGet(base, leader, 'scorecard.league', input));
      if (keep) into.push(ms);
      return answer;
    };
    const change = changes[i]!;
    await app.transaction(async (tx) => {
      await tx.execute(sql`update yearly_values set version = version + 1 where id = ${change.id}`);
      await refreshSummaries(tx, [change.plan_id]);
    });
    const first = await page(out.afterOneChange, {});
    out.firstPage = sizes(first);
    const parsed = JSON.parse(first.text) as {
      result: { data: { rows: unknown[]; total: number } };
    };
    out.rows = parsed.result.data.rows.length;
    out.total = parsed.result.data.total;
    await page(out.unchanged, {});
    out.provincePage = sizes(
      await page(out.province, { province: provinces[i % provinces.length] }),
    );
    await db.query(`insert into plan_revisions (plan_id, revision) select id, 1 from plans
      on conflict (plan_id) do update set revision = plan_revisions.revision + 1`);
    await page(out.everyPlanChanged, {});
    const [rawMs] = await timed(() => db.query(RAW_LEAGUE_SQL));
    if (keep) out.raw.push(rawMs);
  }
  return out;
}

/** The whole league as a CSV download (scorecard.leagueExport), `runs` times. */
export async function leagueExports(base: string, leader: string, runs: number) {
  const ms: number[] = [];
  let answer: Answer | null = null;
  let file = 0;
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const [t, a] = await timed(() =>
      trpcGet(base, leader, 'scorecard.leagueExport', { format: 'csv' }),
    );
    ms.push(t);
    answer = a;
    const data = (JSON.parse(a.text) as { result: { data: { base64: string; rows: number } } })
      .result.data;
    file = Buffer.from(data.base64, 'base64').length;
    rows = data.rows;
  }
  return { ms, rows, fileBytes: file, answer: answer && sizes(answer) };
}

export interface BulkImport {
  transactionMs: number;
  /** Of which the update of the figures, and refreshSummaries. */
  updateMs: number;
  refreshMs: number;
  summariesStored: number;
  firstLeagueMs: number;
  secondLeagueMs: number;
}

/**
 * A bulk import as one transaction: every approved figure of every plan rewritten (its version
 * bumped; the triggers bump every plan's revision) and every plan's summaries refreshed before
 * the commit, as an import does; then the league's first page, cold, and once more.
 */
export async function bulkImport(
  databaseUrl: string,
  base: string,
  leader: string,
  db: pg.Client,
): Promise<BulkImport> {
  const handle = await createDb({ driver: 'postgres', url: databaseUrl, poolSize: 1 });
  try {
    let updateMs = 0;
    let refreshMs = 0;
    const [transactionMs, summariesStored] = await timed(() =>
      handle.db.transaction(async (tx) => {
        [updateMs] = await timed(() =>
          tx.execute(sql`update yearly_values set version = version + 1 where state = 'approved'`),
        );
        const [ms, stored] = await timed(() => refreshSummaries(tx, 'all'));
        refreshMs = ms;
        return stored;
      }),
    );
    const [firstLeagueMs] = await timed(() => trpcGet(base, leader, 'scorecard.league', {}));
    const [secondLeagueMs] = await timed(() => trpcGet(base, leader, 'scorecard.league', {}));
    // Every approved row was rewritten: vacuum it away, outside the measurement, so the next
    // round starts alike.
    await db.query(`vacuum analyze yearly_values, plan_revisions`);
    return { transactionMs, updateMs, refreshMs, summariesStored, firstLeagueMs, secondLeagueMs };
  } finally {
    await handle.close();
  }
}

/** Stops a server process and waits until it has gone. */
export async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const gone = once(server, 'exit');
  server.kill('SIGTERM');
  await gone;
}
