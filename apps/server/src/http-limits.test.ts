import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '@pm/api';
import { MAX_BATCH_PROCEDURES } from '@pm/core';
import { createUser, listAuthEvents } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { createHttpServer } from './http';
import { createLog } from './log';

interface TrpcError {
  error?: { message: string; data: { code: string; httpStatus: number } };
}

describeDb('HTTP limits: batches and proxies', (get) => {
  const servers: Server[] = [];
  let direct = '';
  let proxied = '';

  const listen = async (trustProxy?: string[]) => {
    const server = createHttpServer({
      handle: get(),
      log: createLog('silent'),
      webDir: null,
      trustProxy,
    });
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  beforeAll(async () => {
    await createUser(get().db, {
      username: 'leader',
      displayName: '领导',
      role: 'leader',
      districts: 'all',
      passwordHash: await hashPassword('demo-leader-password'),
    });
    direct = await listen();
    proxied = await listen(['127.0.0.1', '10.0.0.0/8']);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
  });

  const signIn = (base: string, path: string, calls: number, headers = {}) =>
    fetch(`${base}/trpc/${path}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(
        Object.fromEntries(
          Array.from({ length: calls }, (_, i) => [i, { username: 'leader', password: `x${i}` }]),
        ),
      ),
    });

  it('a batch that signs in is refused before any password is checked, however it is spelt', async () => {
    for (const path of [
      'auth.signIn,auth.signIn',
      'auth.me,auth.signIn',
      'auth%2EsignIn%2Cauth%2EsignIn',
    ]) {
      const res = await signIn(direct, path, 2);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as TrpcError;
      expect(body.error?.message).toBe('auth.signIn must be sent alone, not in a batch');
      expect(body.error?.data).toEqual({ code: 'BAD_REQUEST', httpStatus: 400 });
    }
    const checked = (await listAuthEvents(get().db)).filter((e) => e.kind === 'sign_in_failed');
    expect(checked).toHaveLength(0);
    // Alone, even as a batch of one (what the web client's batch link would send), it is answered.
    expect((await signIn(direct, 'auth.signIn', 1)).status).toBe(401);
  });

  it(`a batch of more than ${MAX_BATCH_PROCEDURES} procedures is refused, naming the cap`, async () => {
    const batch = (n: number) =>
      fetch(`${direct}/trpc/${Array(n).fill('auth.me').join(',')}?batch=1`);
    expect((await batch(MAX_BATCH_PROCEDURES)).status).toBe(200);
    const res = await batch(MAX_BATCH_PROCEDURES + 1);
    expect(res.status).toBe(400);
    expect(((await res.json()) as TrpcError).error?.message).toBe(
      `a batch may call at most ${MAX_BATCH_PROCEDURES} procedures; this one calls ${MAX_BATCH_PROCEDURES + 1}`,
    );
  });

  it('X-Forwarded-For is believed only from a trusted proxy: the right-most hop that is no proxy', async () => {
    const forwarded = { 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.1.2.3' };
    await signIn(direct, 'auth.signIn', 1, forwarded);
    await signIn(proxied, 'auth.signIn', 1, forwarded);
    const [behindProxy, straight] = await listAuthEvents(get().db, 2);
    expect(straight?.address).toBe('127.0.0.1');
    expect(behindProxy?.address).toBe('198.51.100.7');
  });
});
