import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '@pm/api';
import { createUser, upsertDistrict } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { createHttpServer } from './http';
import { createLog } from './log';

interface TrpcBody {
  result?: { data: unknown };
  error?: { message: string; data: Record<string, unknown> };
}

describeDb('HTTP server', (get) => {
  let server: Server;
  let base: string;
  let cookie = '';
  const webDir = mkdtempSync(join(tmpdir(), 'pm-web-'));

  beforeAll(async () => {
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Plan Monitor</title>');
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'assets', 'index-abc123.js'), 'console.log(1);');
    writeFileSync(join(webDir, 'assets', 'index-abc123.js.map'), '{"sources":["src/main.tsx"]}');
    const { db } = get();
    await upsertDistrict(db, {
      code: '130108',
      name: '裕华区',
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
    server = createHttpServer({ handle: get(), log: createLog('silent'), webDir });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    rmSync(webDir, { recursive: true, force: true });
  });

  const query = async (path: string, input?: unknown) => {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await fetch(`${base}/trpc/${path}${qs}`, { headers: { cookie } });
    return { res, body: (await res.json()) as TrpcBody };
  };
  const mutate = (path: string, input: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, ...headers },
      body: JSON.stringify(input),
    });

  it('answers /healthz with the database state', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: get().driver });
  });

  it('refuses the API to a caller who has not signed in', async () => {
    const { res, body } = await query('districts.list');
    expect(res.status).toBe(401);
    expect(body.error?.data.messageKey).toBe('error.UNAUTHORIZED');
  });

  it('signs in with an httpOnly, SameSite=Strict session cookie', async () => {
    const res = await mutate('auth.signIn', { username: 'leader', password: 'demo-leader' });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^pm_session=[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Expires=/);
    cookie = setCookie.split(';')[0]!;
    const { body } = await query('auth.me');
    expect(body.result?.data).toMatchObject({
      username: 'leader',
      role: 'leader',
      districts: 'all',
    });
  });

  it('serves the API under /trpc to a signed-in user', async () => {
    const { res, body } = await query('districts.list');
    expect(res.status).toBe(200);
    expect(body.result?.data).toMatchObject([
      { code: '130108', name: '裕华区', indicatorCount: 0 },
    ]);
  });

  it('bad input is a 400 whose message names the field', async () => {
    const { res, body } = await query('districts.get', { district: '12' });
    expect(res.status).toBe(400);
    expect(body.error?.data.issues).toEqual([
      { path: 'district', message: expect.stringContaining('6 digits') },
    ]);
    expect(body.error?.message).toContain('district:');
  });

  it('an unknown district is a 404 with its catalog key', async () => {
    const { res, body } = await query('districts.get', { district: '999999' });
    expect(res.status).toBe(404);
    expect(body.error?.data).toMatchObject({
      messageKey: 'district.notFound',
      params: { code: '999999' },
    });
  });

  it('refuses a mutation from another site, or one a plain form could send', async () => {
    const crossSite = await mutate('auth.signOut', {}, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const form = await fetch(`${base}/trpc/auth.signOut`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: 'a=1',
    });
    expect(form.status).toBe(403);
    expect((await query('auth.me')).body.result?.data).toMatchObject({ username: 'leader' });
  });

  it('sends the security headers on every response', async () => {
    for (const path of ['/', '/healthz', '/trpc/auth.me']) {
      const res = await fetch(`${base}${path}`);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('signing out ends the session: the same cookie no longer works', async () => {
    const res = await mutate('auth.signOut', {}, { origin: base });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await query('districts.list')).res.status).toBe(401);
  });

  it('a malformed session cookie is no session, not a server error', async () => {
    for (const bad of ['pm_session=%E0%A4%A', 'pm_session=%', 'pm_session=']) {
      const res = await fetch(`${base}/trpc/auth.me`, { headers: { cookie: bad } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as TrpcBody).result?.data).toBeNull();
    }
  });

  it('no API answer may be stored by a browser or proxy, errors and refusals included', async () => {
    const answers = [
      await fetch(`${base}/trpc/auth.me`),
      await fetch(`${base}/trpc/districts.list`),
      await fetch(`${base}/trpc/nothing.here`),
      await mutate('auth.signOut', {}, { origin: 'https://evil.example' }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 403]);
    for (const res of answers) expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('hashed assets may be kept for a year; the page is revalidated on every load', async () => {
    const asset = await fetch(`${base}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/d/130108']) {
      expect((await fetch(`${base}${path}`)).headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves no source map, even one left in the build', async () => {
    for (const path of ['/assets/index-abc123.js.map', '/assets/other.js.map', '/x.map']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('sources');
    }
  });

  it('serves the web app for client-side routes', async () => {
    const res = await fetch(`${base}/d/130108`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Plan Monitor</title>');
  });
});
