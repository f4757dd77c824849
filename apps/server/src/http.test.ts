import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { upsertDistrict } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { createHttpServer } from './http';
import { createLog } from './log';

describeDb('HTTP server', (get) => {
  let server: Server;
  let base: string;
  const webDir = mkdtempSync(join(tmpdir(), 'pm-web-'));

  beforeAll(async () => {
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Plan Monitor</title>');
    await upsertDistrict(get().db, {
      code: '130108',
      name: '裕华区',
      city: '石家庄市',
      province: '河北省',
    });
    server = createHttpServer({ handle: get(), log: createLog('silent'), webDir });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers /healthz with the database state', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: get().driver });
  });

  it('serves the API under /trpc', async () => {
    const res = await fetch(`${base}/trpc/districts.list`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw HTTP body
    expect(body.result.data).toMatchObject([{ code: '130108', name: '裕华区', indicatorCount: 0 }]);
  });

  it('bad input is a 400 whose message names the field', async () => {
    const input = encodeURIComponent(JSON.stringify({ code: '12' }));
    const res = await fetch(`${base}/trpc/districts.get?input=${input}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- raw HTTP body
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.data.issues).toEqual([
      { path: 'code', message: expect.stringContaining('6 digits') },
    ]);
    expect(body.error.message).toContain('code:');
  });

  it('an unknown district is a 404 with its catalog key', async () => {
    const input = encodeURIComponent(JSON.stringify({ code: '999999' }));
    const res = await fetch(`${base}/trpc/districts.get?input=${input}`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { data: unknown } }).error.data).toMatchObject({
      messageKey: 'district.notFound',
      params: { code: '999999' },
    });
  });

  it('serves the web app for client-side routes', async () => {
    const res = await fetch(`${base}/scorecard/130108`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Plan Monitor</title>');
  });
});
