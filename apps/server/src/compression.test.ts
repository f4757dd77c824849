import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '@pm/api';
import { createUser, upsertDistrict } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { createHttpServer } from './http';
import { createLog } from './log';

interface Answer {
  status: number;
  encoding: string | undefined;
  vary: string | undefined;
  body: Buffer;
}

describeDb('HTTP server: compressed API answers', (get) => {
  let server: Server;
  let port = 0;
  let cookie = '';

  /** A GET (or a POST of `body`) with exactly these headers: fetch would add its own and decode. */
  const fetchRaw = (path: string, headers: Record<string, string>, body?: string) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: body ? 'POST' : 'GET',
          headers: { cookie, ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              encoding: res.headers['content-encoding'],
              vary: res.headers.vary,
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  beforeAll(async () => {
    const { db } = get();
    // Forty districts: the list is well over the 1 KB below which nothing is compressed.
    for (let i = 0; i < 40; i++)
      await upsertDistrict(db, {
        code: String(130100 + i),
        name: `测试区${i}`,
        city: '石家庄市',
        province: '河北省',
      });
    await createUser(db, {
      username: 'leader',
      displayName: '领导',
      role: 'leader',
      districts: 'all',
      passwordHash: await hashPassword('demo-leader'),
    });
    server = createHttpServer({ handle: get(), log: createLog('silent'), webDir: null });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
    const res = await fetch(`http://127.0.0.1:${port}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: 'demo-leader' }),
    });
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  });
  afterAll(() => new Promise((done) => server.close(done)));

  it('sends a large answer gzipped to a client that accepts gzip, the same JSON once unzipped', async () => {
    const plain = await fetchRaw('/trpc/districts.list', {});
    expect(plain.status).toBe(200);
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    const list = JSON.parse(plain.body.toString()) as { result: { data: unknown[] } };
    expect(list.result.data).toHaveLength(40);

    const zipped = await fetchRaw('/trpc/districts.list', { 'accept-encoding': 'gzip' });
    expect(zipped.encoding).toBe('gzip');
    expect(zipped.vary).toMatch(/accept-encoding/i);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(JSON.parse(gunzipSync(zipped.body).toString())).toEqual(list);
  });

  it('prefers brotli when the client accepts it, as browsers do', async () => {
    const plain = await fetchRaw('/trpc/districts.list', {});
    const br = await fetchRaw('/trpc/districts.list', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.encoding).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(
      JSON.parse(plain.body.toString()),
    );
  });

  it('sends a mutation’s answer as it is: a save stays cheap', async () => {
    const res = await fetchRaw(
      '/trpc/auth.signOut',
      { 'content-type': 'application/json', 'accept-encoding': 'gzip, br' },
      '{}',
    );
    expect(res.status).toBe(200);
    expect(res.encoding).toBeUndefined();
    expect(JSON.parse(res.body.toString())).toHaveProperty('result');
  });
});
