import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { authEvents, sessions, signInThrottle } from '../schema';
import { describeDb } from '../testing';
import { pruneAuthRecords } from './auth-records';
import { createSession, createUser, findSessionUser, listAuthEvents, setPassword } from './users';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const t0 = new Date('2025-03-01T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describeDb('sessions', (get) => {
  let userId = 0;
  beforeAll(async () => {
    userId = await createUser(get().db, {
      username: 'wang',
      displayName: 'wang',
      role: 'leader',
      districts: 'all',
      passwordHash: 'x',
    });
  });

  const open = (token: string, start = t0) =>
    createSession(get().db, token, userId, new Date(start.getTime() + 12 * HOUR), start);
  const lastSeen = async (token: string) => {
    const [row] = await get()
      .db.select({ at: sessions.lastSeenAt })
      .from(sessions)
      .where(eq(sessions.tokenHash, token));
    return row?.at.toISOString() ?? null;
  };

  it('a session unused for 30 minutes ends; one used every 29 minutes lives on', async () => {
    const { db } = get();
    await open('idle');
    await open('busy');
    expect(await findSessionUser(db, 'idle', at(29 * MINUTE))).toMatchObject({ username: 'wang' });
    expect(await findSessionUser(db, 'busy', at(29 * MINUTE))).not.toBeNull();
    expect(await findSessionUser(db, 'busy', at(58 * MINUTE))).not.toBeNull();
    expect(await findSessionUser(db, 'busy', at(87 * MINUTE))).not.toBeNull();
    expect(await findSessionUser(db, 'idle', at(59 * MINUTE + 1))).toBeNull();
  });

  it('the idle limit is a parameter', async () => {
    const { db } = get();
    await open('short');
    expect(await findSessionUser(db, 'short', at(6 * MINUTE), 5)).toBeNull();
    expect(await findSessionUser(db, 'short', at(6 * MINUTE), 10)).not.toBeNull();
  });

  it('the absolute limit of 12 hours stays, however busy the session', async () => {
    const { db } = get();
    await open('day');
    for (let m = 20; m < 12 * 60; m += 20) await findSessionUser(db, 'day', at(m * MINUTE));
    expect(await findSessionUser(db, 'day', at(12 * HOUR - MINUTE))).not.toBeNull();
    expect(await findSessionUser(db, 'day', at(12 * HOUR))).toBeNull();
  });

  it('last seen is written at most once a minute, not on every request', async () => {
    const { db } = get();
    await open('touch');
    await findSessionUser(db, 'touch', at(59_000));
    expect(await lastSeen('touch')).toBe(t0.toISOString());
    await findSessionUser(db, 'touch', at(MINUTE));
    expect(await lastSeen('touch')).toBe(at(MINUTE).toISOString());
    await findSessionUser(db, 'touch', at(MINUTE + 30_000));
    expect(await lastSeen('touch')).toBe(at(MINUTE).toISOString());
  });

  it('a new password ends every session but the one kept', async () => {
    const { db } = get();
    await open('here');
    await open('elsewhere');
    await setPassword(db, 'wang', 'y', { keepSession: 'here' });
    expect(await findSessionUser(db, 'here', at(MINUTE))).not.toBeNull();
    expect(await findSessionUser(db, 'elsewhere', at(MINUTE))).toBeNull();
    await setPassword(db, 'wang', 'z');
    expect(await findSessionUser(db, 'here', at(MINUTE))).toBeNull();
  });
});

describeDb('pruneAuthRecords', (get) => {
  it('deletes events past the retention, ended sessions and stale throttle rows, and keeps the rest', async () => {
    const { db } = get();
    const userId = await createUser(db, {
      username: 'li',
      displayName: 'li',
      role: 'leader',
      districts: 'all',
      passwordHash: 'x',
    });
    const now = new Date('2026-04-10T00:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms);
    await db.insert(authEvents).values([
      { kind: 'sign_in', username: 'li', at: ago(401 * DAY) },
      { kind: 'sign_in', username: 'li', at: ago(399 * DAY) },
      { kind: 'sign_in', username: 'li', at: ago(HOUR) },
    ]);
    await createSession(db, 'expired', userId, ago(MINUTE), ago(13 * HOUR));
    await createSession(db, 'idle', userId, ago(-HOUR), ago(31 * MINUTE));
    await createSession(db, 'live', userId, ago(-HOUR), ago(MINUTE));
    await db.insert(signInThrottle).values([
      { key: 'user:old', failures: 3, nextAt: ago(2 * DAY), updatedAt: ago(2 * DAY) },
      { key: 'user:waiting', failures: 9, nextAt: ago(-HOUR), updatedAt: ago(2 * DAY) },
      { key: 'user:recent', failures: 1, nextAt: ago(HOUR), updatedAt: ago(HOUR) },
    ]);

    expect(await pruneAuthRecords(db, now, 400)).toEqual({
      authEvents: 1,
      sessions: 2,
      throttle: 1,
    });
    expect((await listAuthEvents(db)).map((e) => e.at.toISOString())).toEqual([
      ago(HOUR).toISOString(),
      ago(399 * DAY).toISOString(),
    ]);
    const left = await db.select({ token: sessions.tokenHash }).from(sessions);
    expect(left.map((s) => s.token)).toEqual(['live']);
    const keys = await db.select({ key: signInThrottle.key }).from(signInThrottle);
    expect(keys.map((k) => k.key).sort()).toEqual(['user:recent', 'user:waiting']);
    expect(await pruneAuthRecords(db, now, 30)).toMatchObject({ authEvents: 1 });
  });
});
