import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@pm/api';
import { builtInPlans, createUser, importPlan } from '@pm/db';
import { openTestDatabase, type TestDatabase } from '@pm/db/testing';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Starts a server from source on `url` and resolves with its base URL once it listens. */
function startServer(url: string): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { PATH: process.env.PATH, DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'info' },
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
    servers.push(await startServer(test.url!), await startServer(test.url!));
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
});
