import pg from 'pg';
import { createDb, findSessionUser, listDistrictPlans, saveValues } from '@pm/db';
import { LAST_YEAR } from './generate';

/**
 * Saves without the app: the statements one `values.save` request sends to PostgreSQL, replayed
 * with node-postgres by closed-loop clients (each sends its next save once the last one is
 * committed). What PostgreSQL and this machine can do at most, to compare the app with.
 *
 * The statements are not copied: they are recorded from @pm/db's own functions, run once here
 * against the same database (`record`), exactly as the server's request runs them:
 *
 *   the session lookup of every request    findSessionUser    pm_session_user (named)
 *   the district's plans (resolvePlan)     listDistrictPlans  unnamed select
 *   the save (saveValues)                  BEGIN; pm_lock_changed_v2; pm_value_insert or
 *                                          pm_value_update; COMMIT
 *
 * The replay sends the same text under the same names (so PostgreSQL prepares them once per
 * connection, as for the server) with each save's own arguments in the places the recording
 * shows them in; the recording fails, naming the statement, if the save path no longer sends
 * these. Left out: the session's "last seen" write, which the server makes once a minute per
 * session, not per request.
 */

interface Recorded {
  name: string | undefined;
  text: string;
  values: unknown[];
}

type Query = (this: pg.Client, config: unknown, values?: unknown, ...rest: unknown[]) => unknown;

/** The statements node-postgres sends in this process while `fn` runs, in order. */
async function record<T>(fn: () => Promise<T>): Promise<[Recorded[], T]> {
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  const seen: Recorded[] = [];
  proto.query = function (config, values, ...rest) {
    if (typeof config === 'string')
      seen.push({ name: undefined, text: config, values: Array.isArray(values) ? values : [] });
    else if (config && typeof config === 'object' && 'text' in config) {
      const c = config as { name?: string; text: string; values?: unknown[] };
      seen.push({ name: c.name, text: c.text, values: Array.isArray(values) ? values : [] });
    }
    return original.call(this, config, values, ...rest);
  };
  try {
    return [seen, await fn()];
  } finally {
    proto.query = original;
  }
}

/**
 * A recorded statement made replayable: its arguments that vary between saves, found by their
 * recorded values (drizzle sends a placeholder used twice as two parameters), the others sent
 * as recorded.
 */
class Template<K extends string> {
  private readonly slots: [K, number][];
  constructor(
    readonly what: string,
    private readonly recorded: Recorded,
    known: Record<K, unknown>,
  ) {
    const json = recorded.values.map((v) => JSON.stringify(v));
    this.slots = (Object.keys(known) as K[]).flatMap((key) => {
      const at = json.flatMap((v, i) => (v === JSON.stringify(known[key]) ? [i] : []));
      if (at.length === 0) throw new Error(`${what}: argument ${key} not in ${recorded.text}`);
      return at.map((i): [K, number] => [key, i]);
    });
    const places = this.slots.map(([, i]) => i);
    if (new Set(places).size !== places.length)
      throw new Error(`${what}: two arguments have the same recorded value`);
  }

  query(args: Record<K, unknown>): pg.QueryConfig & { rowMode: 'array' } {
    const values = [...this.recorded.values];
    for (const [key, at] of this.slots) values[at] = args[key];
    return { name: this.recorded.name, text: this.recorded.text, values, rowMode: 'array' };
  }
}

/** One official's district and session, as the server sees them. */
export interface DirectClient {
  district: string;
  planId: number;
  username: string;
  tokenHash: string;
  /** Indicator row ids by seq. */
  indicatorIds: ReadonlyMap<number, number>;
}

export interface SavePath {
  session: Template<'tokenHash' | 'now' | 'idleSince'>;
  plans: Template<'code'>;
  begin: string;
  lock: Template<'planId' | 'code' | 'seqs'>;
  insert: Template<'value' | 'by' | 'indicatorId'>;
  update: Template<'value' | 'oldValue' | 'id' | 'version' | 'by'>;
  commit: string;
  /** What a save sends, in order: statement names, or the text of unnamed ones (shortened). */
  sent: string[];
  /** The rows the recording wrote, to remove afterwards. */
  written: number[];
}

function one(what: string, got: Recorded[], name?: string): Recorded {
  if (got.length !== 1 || (name !== undefined && got[0]!.name !== name))
    throw new Error(
      `${what}: expected one statement${name ? ` ${name}` : ''}, the code sent ${got
        .map((r) => r.name ?? r.text.slice(0, 40))
        .join(' | ')}`,
    );
  return got[0]!;
}

/** A save as `saveValues` sends it once the plan is cached: BEGIN, lock, write, COMMIT. */
function saveStatements(what: string, got: Recorded[], write: string) {
  const names = got.map((r) => r.name ?? r.text.trim().toLowerCase());
  const expected = ['begin', 'pm_lock_changed_v2', write, 'commit'];
  if (names.join() !== expected.join())
    throw new Error(`${what}: expected ${expected.join(', ')}, the code sent ${names.join(', ')}`);
  return { begin: got[0]!.text, lock: got[1]!, write: got[2]!, commit: got[3]!.text };
}

/**
 * Records the save path by running it through @pm/db for `client`: two inserts (the first
 * loads and caches the plan, the second is what every later save sends) and an update, on
 * indicators `seqs` of year LAST_YEAR + 1. They write three rows, returned in `written`.
 */
export async function recordSavePath(
  databaseUrl: string,
  client: DirectClient,
  seqs: readonly [number, number],
): Promise<SavePath> {
  const handle = await createDb({ driver: 'postgres', url: databaseUrl, poolSize: 1 });
  try {
    const db = handle.db;
    // A session last seen a minute ago or more is marked seen first (once a minute, not per
    // request): look it up once so that the lookup recorded is that of every other request.
    await findSessionUser(db, client.tokenHash, new Date());
    const now = new Date();
    const idleSince = new Date(now.getTime() - 30 * 60_000);
    const [session] = await record(() => findSessionUser(db, client.tokenHash, now));
    const [plans] = await record(() => listDistrictPlans(db, client.district));
    const ref = { code: client.district, planId: client.planId };
    const change = (seq: number, value: number, version: number | null) => ({
      seq,
      year: LAST_YEAR + 1,
      kind: 'actual' as const,
      value,
      version,
      reason: 'bench',
    });
    const save = (seq: number, value: number, version: number | null) =>
      record(async () => {
        const saved = await saveValues(db, ref, [change(seq, value, version)], client.username);
        const row = saved?.[0];
        if (!row) throw new Error(`the recorded save of ${client.district} stored nothing`);
        return row;
      });
    const [, first] = await save(seqs[0], 61.25, null);
    const [inserted, second] = await save(seqs[1], 61.5, null);
    const [updated, third] = await save(seqs[1], 61.75, second.version);
    const ins = saveStatements('insert', inserted, 'pm_value_insert');
    const upd = saveStatements('update', updated, 'pm_value_update');
    const by = client.username;
    return {
      session: new Template('session lookup', one('session lookup', session, 'pm_session_user'), {
        tokenHash: client.tokenHash,
        now: now.toISOString(),
        idleSince: idleSince.toISOString(),
      }),
      plans: new Template('district plans', one('district plans', plans), {
        code: client.district,
      }),
      begin: ins.begin,
      lock: new Template('lock', ins.lock, {
        planId: client.planId,
        code: client.district,
        seqs: [seqs[1]],
      }),
      insert: new Template('insert', ins.write, {
        value: 61.5,
        by,
        indicatorId: client.indicatorIds.get(seqs[1]),
      }),
      update: new Template('update', upd.write, {
        value: 61.75,
        oldValue: 61.5,
        id: second.id,
        version: second.version,
        by,
      }),
      commit: ins.commit,
      sent: [...session, ...plans, ...inserted].map((r) =>
        r.name === 'pm_value_insert'
          ? 'pm_value_insert or pm_value_update'
          : (r.name ?? r.text.trim().replace(/\s+/g, ' ').slice(0, 60)),
      ),
      written: [first.id, third.id],
    };
  } finally {
    await handle.close();
  }
}

export interface DirectOutcome {
  acknowledged: { id: number; version: number }[];
  /** Rows the run inserted (its updates are of these). */
  inserted: number[];
  errors: number;
  latencies: number[];
}

/** Timestamps as text, as drizzle reads them (it parses none of these types itself). */
const asText = new Set([1082, 1114, 1184, 1186, 1115, 1182, 1185, 1187, 1231]);
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    asText.has(oid) ? (v: string) => v : pg.types.getTypeParser(oid, format),
};

/**
 * One save as the server makes it, through `pool`: the session lookup, the plan list, then BEGIN,
 * lock, insert or update (as the locked row says), COMMIT, of `client`'s indicator `seq` of year
 * LAST_YEAR + 1. Throws when the session or the write is missing (after a ROLLBACK).
 */
export async function saveDirectly(
  pool: pg.Pool,
  path: SavePath,
  c: DirectClient,
  seq: number,
  value: number,
): Promise<{ id: number; version: number; inserted: boolean }> {
  const year = String(LAST_YEAR + 1);
  const now = new Date();
  const idleSince = new Date(now.getTime() - 30 * 60_000);
  const session = await pool.query(
    path.session.query({
      tokenHash: c.tokenHash,
      now: now.toISOString(),
      idleSince: idleSince.toISOString(),
    }),
  );
  if (session.rowCount !== 1) throw new Error('no session');
  await pool.query({ ...path.plans.query({ code: c.district }), types });
  const conn = await pool.connect();
  try {
    await conn.query(path.begin);
    const locked = await conn.query({
      ...path.lock.query({ planId: c.planId, code: c.district, seqs: [seq] }),
      types,
    });
    const f = locked.fields.map((x) => x.name);
    const at = (name: string) => f.lastIndexOf(name);
    const current = locked.rows.find(
      (r: unknown[]) => String(r[at('year')]) === year && r[at('kind')] === 'actual',
    ) as unknown[] | undefined;
    const oldValue = current ? Number(current[at('value')]) : null;
    const written = await conn.query({
      ...(current
        ? path.update.query({
            value,
            oldValue,
            id: current[at('id')],
            version: current[at('version')],
            by: c.username,
          })
        : path.insert.query({ value, by: c.username, indicatorId: c.indicatorIds.get(seq) })),
      types,
    });
    await conn.query(path.commit);
    const row = written.rows[0] as unknown[] | undefined;
    if (!row) throw new Error('nothing written');
    const w = written.fields.map((x) => x.name);
    return {
      id: Number(row[w.indexOf('id')]),
      version: Number(row[w.indexOf('version')]),
      inserted: !current,
    };
  } catch (error) {
    await conn.query('rollback').catch(() => {});
    throw error;
  } finally {
    conn.release();
  }
}

/**
 * `clients` saving for `seconds`, closed loop, through a pool of `poolSize` connections (the
 * server's): per save the session lookup, the plan list, then BEGIN, lock, insert or update (as
 * the locked row says), COMMIT, on indicators `seqs` of year LAST_YEAR + 1.
 */
export async function directSaves(
  databaseUrl: string,
  path: SavePath,
  clients: readonly DirectClient[],
  {
    seconds,
    poolSize,
    seqs,
    beforeClose,
  }: {
    seconds: number;
    poolSize: number;
    seqs: readonly number[];
    /** Called when the saves are done, before the pool's connections close. */
    beforeClose?: () => Promise<void>;
  },
): Promise<DirectOutcome> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const outcome: DirectOutcome = { acknowledged: [], inserted: [], errors: 0, latencies: [] };
  try {
    // Open the connections before the clock starts, as the server's are after its first seconds.
    await Promise.all(
      Array.from({ length: poolSize }, async () => (await pool.connect()).release()),
    );
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      clients.map(async (c, n) => {
        let i = n;
        while (performance.now() < until) {
          const seq = seqs[i++ % seqs.length]!;
          const start = performance.now();
          try {
            const saved = await saveDirectly(pool, path, c, seq, 60 + (i % 7));
            outcome.latencies.push(performance.now() - start);
            outcome.acknowledged.push(saved);
            if (saved.inserted) outcome.inserted.push(saved.id);
          } catch {
            outcome.errors++;
          }
        }
      }),
    );
    await beforeClose?.();
  } finally {
    await pool.end();
  }
  return outcome;
}
