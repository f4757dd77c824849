import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@pm/api';
import { createUser, seedBuiltIn } from '@pm/db';
import { openTestDatabase, testDrivers, type TestDatabase } from '@pm/db/testing';
import { createHttpServer } from './http';

interface TrpcError {
  error: { message: string; data: Record<string, unknown> };
}

/** What no answer may carry: the SQL of a failed query or its parameters. */
const SQL_TRACES = /select |insert |update |delete from|failed query|params:|relation "/i;

async function serve(test: TestDatabase) {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
  const server: Server = createHttpServer({ handle: test.handle, log, webDir: null });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise((done) => server.close(done));
  return { base, lines, close };
}

const post = (base: string, path: string, input: unknown, cookie = '') =>
  fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(input),
  });
const get = (base: string, path: string, input: unknown, cookie = '') =>
  fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie },
  });

for (const driver of testDrivers()) {
  describe(`errors reach no client as SQL [${driver}]`, () => {
    let test: TestDatabase;
    let server: Awaited<ReturnType<typeof serve>>;
    let cookie = '';
    let reviewerCookie = '';

    beforeAll(async () => {
      test = await openTestDatabase(driver);
      await seedBuiltIn(test.handle.db);
      await createUser(test.handle.db, {
        username: 'official',
        displayName: '填报',
        role: 'official',
        districts: ['130108'],
        passwordHash: await hashPassword('official-password'),
      });
      await createUser(test.handle.db, {
        username: 'reviewer',
        displayName: '评估',
        role: 'reviewer',
        districts: ['130108'],
        passwordHash: await hashPassword('reviewer-password'),
      });
      server = await serve(test);
      const signIn = async (username: string) => {
        const res = await post(server.base, 'auth.signIn', {
          username,
          password: `${username}-password`,
        });
        expect(res.status).toBe(200);
        return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      };
      cookie = await signIn('official');
      reviewerCookie = await signIn('reviewer');
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await test?.drop();
    });

    it('a NUL character in a user name is a 400 naming the field, before any query', async () => {
      const res = await post(server.base, 'auth.signIn', {
        username: 'ad\u0000min',
        password: 'x',
      });
      const body = (await res.json()) as TrpcError;
      expect(res.status).toBe(400);
      expect(body.error.data.messageKey).toBe('error.nulCharacter');
      expect(body.error.message).toMatch(/^username: contains a NUL character/);
      expect(JSON.stringify(body)).not.toMatch(SQL_TRACES);
    });

    it('a NUL character in a note or a source is refused and nothing is stored', async () => {
      for (const field of ['note', 'source']) {
        const res = await post(
          server.base,
          'values.save',
          {
            district: '130108',
            seq: 1,
            year: 2024,
            kind: 'actual',
            value: 1,
            version: null,
            [field]: 'a\u0000b',
          },
          cookie,
        );
        const body = (await res.json()) as TrpcError;
        expect(res.status).toBe(400);
        expect(body.error.message).toContain(`${field}: contains a NUL character`);
      }
      const grid = await get(
        server.base,
        'values.grid',
        { district: '130108', year: 2024 },
        cookie,
      );
      expect(JSON.stringify(await grid.json())).not.toContain('"value":1,');
    });

    it('a seq or round beyond an integer column is a 400 saying the limit', async () => {
      const big = 2 ** 31;
      for (const [path, input] of [
        ['scorecard.indicator', { district: '130108', seq: big }],
        ['evaluations.get', { district: '130108', round: big }],
      ] as const) {
        const res = await get(server.base, path, input, reviewerCookie);
        const body = (await res.json()) as TrpcError;
        expect(res.status, path).toBe(400);
        expect(body.error.message).toContain('must be at most 2147483647');
      }
    });
  });

  describe(`an unexpected error [${driver}]`, () => {
    let test: TestDatabase;
    let server: Awaited<ReturnType<typeof serve>>;
    beforeAll(async () => {
      // No schema: every query fails with the database's own error, SQL and all.
      test = await openTestDatabase(driver, false);
      server = await serve(test);
    }, 60_000);
    afterAll(async () => {
      await server?.close();
      await test?.drop();
    });

    it('answers a generic message with an id that the server log has beside the error', async () => {
      const res = await post(server.base, 'auth.signIn', { username: 'admin', password: 'x' });
      const body = (await res.json()) as TrpcError;
      expect(res.status).toBe(500);
      const id = body.error.data.errorId as string;
      expect(id).toMatch(/^[0-9a-f]{8}$/);
      expect(body.error.message).toContain(`internal error ${id}`);
      expect(body.error.data.messageKey).toBe('error.internal');
      expect(JSON.stringify(body)).not.toMatch(SQL_TRACES);
      const logged = server.lines.map((l) => JSON.parse(l)).find((l) => l.errorId === id);
      expect(logged?.msg).toBe('procedure failed');
      expect(JSON.stringify(logged)).toMatch(/relation|does not exist/);
    });
  });
}
