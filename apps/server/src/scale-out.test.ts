import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@pm/api';
import { builtInPlans, createUser, importPlan, type Database } from '@pm/db';
import { sql } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '@pm/db/testing';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Starts a server from source on `url` and resolves with its base URL once it listens. */
function startServer(
  url: string,
  replica?: string,
): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: url,
      ...(replica ? { DATABASE_REPLICA_URL: replica } : {}),
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const port = /"port":(\d+)/.exec(out)?.[1];
      if (port) resolve({ base: `http://127.0.0.1:${port}`, child });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/**
 * The read replica the third server reads the league and the scorecards from:
 * TEST_DATABASE_REPLICA_URL when one is configured (a streaming replica of TEST_DATABASE_URL's
 * server), else a stand-in that is one as far as the server can tell, the same database over
 * connections that refuse every write (default_transaction_read_only), as a hot standby does.
 */
const STAND_IN = 'pm-replica-stand-in';

function replicaUrl(primary: string): string {
  if (process.env.TEST_DATABASE_REPLICA_URL) return process.env.TEST_DATABASE_REPLICA_URL;
  const u = new URL(primary);
  u.searchParams.set('options', '-c default_transaction_read_only=on');
  u.searchParams.set('application_name', STAND_IN);
  return u.toString();
}

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'a long password' }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function call<T>(base: string, cookie: string, path: string, input: unknown): Promise<T> {
  const q = encodeURIComponent(JSON.stringify(input));
  const res = await fetch(`${base}/trpc/${path}?input=${q}`, { headers: { cookie } });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

async function post(base: string, cookie: string, path: string, input: unknown) {
  const res = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(input),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res;
}

describe.runIf(process.env.TEST_DATABASE_URL)('two stateless servers on one PostgreSQL', () => {
  let test: TestDatabase;
  const servers: { base: string; child: ChildProcess }[] = [];

  beforeAll(async () => {
    test = await openTestDatabase('postgres');
    const yuhua = builtInPlans().find((p) => p.district.code === '130108')!;
    await importPlan(test.handle.db, yuhua);
    await createUser(test.handle.db, {
      username: 'wang',
      displayName: '王',
      role: 'official',
      districts: ['130108'],
      passwordHash: await hashPassword('a long password'),
    });
    for (const [username, role] of [
      ['li', 'reviewer'],
      ['zhang', 'leader'],
    ] as const)
      await createUser(test.handle.db, {
        username,
        displayName: username,
        role,
        districts: role === 'leader' ? 'all' : ['130108'],
        passwordHash: await hashPassword('a long password'),
      });
    servers.push(
      await startServer(test.url!),
      await startServer(test.url!),
      await startServer(test.url!, replicaUrl(test.url!)),
    );
  }, 60_000);

  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    await test.drop();
  });

  it('a session and a save made on one are seen by the other', async () => {
    const [a, b] = servers as [(typeof servers)[0], (typeof servers)[0]];
    const signIn = await fetch(`${a.base}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'wang', password: 'a long password' }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;

    const me = await fetch(`${b.base}/trpc/auth.me`, { headers: { cookie } }).then(
      (r) => r.json() as Promise<{ result: { data: unknown } }>,
    );
    expect(me.result.data).toMatchObject({ username: 'wang' });

    const save = await fetch(`${a.base}/trpc/values.save`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        district: '130108',
        seq: 4,
        year: 2021,
        kind: 'actual',
        value: 54,
        version: null,
      }),
    });
    expect(save.status).toBe(200);

    const input = encodeURIComponent(JSON.stringify({ district: '130108', year: 2021 }));
    const grid = await fetch(`${b.base}/trpc/values.grid?input=${input}`, {
      headers: { cookie },
    }).then((r) => r.json() as Promise<{ result: { data: { groups: { rows: unknown[] }[] } } }>);
    const rows = grid.result.data.groups.flatMap((g) => g.rows) as {
      indicator: { seq: number };
      actual: { stored: { value: number; updatedBy: string } | null } | null;
    }[];
    expect(rows.find((r) => r.indicator.seq === 4)?.actual?.stored).toMatchObject({
      value: 54,
      updatedBy: 'wang',
    });
  });

  it('a server with a read replica reads the league and scorecards from it and writes nothing there', async () => {
    const [a, , c] = servers as [(typeof servers)[0], (typeof servers)[0], (typeof servers)[0]];
    const health = (await fetch(`${c.base}/healthz`).then((r) => r.json())) as object;
    expect(health).toMatchObject({ status: 'ok', replica: 'ok' });

    // An approval on the primary, through the first server.
    const official = await signIn(a.base, 'wang');
    const reviewer = await signIn(a.base, 'li');
    const figure = { district: '130108', seq: 4, year: 2022, kind: 'actual', value: 61 };
    await post(a.base, official, 'values.save', { ...figure, version: null });
    await post(a.base, official, 'values.submit', { district: '130108', year: 2022 });
    await post(a.base, reviewer, 'values.approve', {
      district: '130108',
      cells: (
        await call<{
          groups: {
            rows: {
              actual: { stored: { id: number; version: number; state: string } | null } | null;
            }[];
          }[];
        }>(a.base, reviewer, 'values.grid', { district: '130108', year: 2022 })
      ).groups
        .flatMap((g) => g.rows)
        .map((r) => r.actual?.stored)
        .filter((s) => s?.state === 'submitted')
        .map((s) => ({ id: s!.id, version: s!.version })),
    });

    // The leader on the replica's server sees it, once replicated (at once for the stand-in).
    const leader = await signIn(c.base, 'zhang');
    let seen = false;
    for (let i = 0; i < 50 && !seen; i++) {
      const card = await call<{ indicators: { seq: number; latestValue: number | null }[] }>(
        c.base,
        leader,
        'scorecard.district',
        { district: '130108', year: 2022, mode: 'live' },
      );
      seen = card.indicators.find((r) => r.seq === 4)?.latestValue === 61;
      if (!seen) await new Promise((r) => setTimeout(r, 100));
    }
    expect(seen).toBe(true);
    const league = await call<{ total: number; rows: { code: string; reporting: string }[] }>(
      c.base,
      leader,
      'scorecard.league',
      { year: 2022 },
    );
    expect(league.rows.find((r) => r.code === '130108')?.reporting).toBe('reported');
    if (!process.env.TEST_DATABASE_REPLICA_URL) {
      // The stand-in's connections are the replica's: they ran the league's reads.
      const last = (await test.handle.db.execute(
        sql`select query from pg_stat_activity where application_name = ${STAND_IN}`,
      )) as unknown as { rows: { query: string }[] };
      expect(
        last.rows.some((r) => /plan_revisions|league_summaries|yearly_values/.test(r.query)),
      ).toBe(true);
    }

    // The league read on the replica stored nothing there: a plan made stale by hand stays so
    // for the replica's server (it assesses it each time) until the primary's server stores it.
    const db: Database = test.handle.db;
    await db.execute(sql`update plan_revisions set revision = revision + 1`);
    const stored = () =>
      db.execute(sql`select count(*)::int as n from league_summaries s
        join plans p on p.id = s.plan_id left join plan_revisions r on r.plan_id = p.id
        where s.version = p.xmin::text || ':' || coalesce(r.revision, 0) and s.year = 2022`);
    const count = async () => ((await stored()) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    await call(c.base, leader, 'scorecard.league', { year: 2022 });
    expect(await count()).toBe(0);
    await call(a.base, await signIn(a.base, 'zhang'), 'scorecard.league', { year: 2022 });
    // The primary's server stores it just after answering.
    for (let i = 0; i < 50 && (await count()) === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await count()).toBe(1);
  });
});
