import type { TRPCError } from '@trpc/server';
import {
  createSession,
  findSessionUser,
  listAuthEvents,
  throttleState,
  upsertDistrict,
} from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { beforeAll, expect, it, vi } from 'vitest';
import { hashGate } from '../auth/hash-gate';
import type { DomainError } from '../errors';
import { hashToken, newSessionToken } from '../auth/session';
import { addressKey, THROTTLE } from '../auth/throttle';
import { callerFor, cookieJar, TEST_PASSWORD, testUser } from '../testing';

const codeOf = (e: unknown) => (e as TRPCError).code;
const causeOf = (e: unknown) => (e as TRPCError).cause as DomainError | undefined;

describeDb('signing in and out', (get) => {
  beforeAll(async () => {
    await upsertDistrict(get().db, {
      code: '130108',
      name: '裕华区',
      city: '石家庄市',
      province: '河北省',
    });
    await testUser(get().db, 'wang', 'official', ['130108']);
  });

  it('the right password opens a session whose cookie finds the user', async () => {
    const { db } = get();
    const cookie = cookieJar();
    const user = await callerFor(db, null, { cookie }).auth.signIn({
      username: 'wang',
      password: TEST_PASSWORD,
    });
    expect(user).toMatchObject({ username: 'wang', role: 'official', districts: ['130108'] });
    expect(cookie.value).toMatch(/^[\w-]{40,}$/);
    expect(await findSessionUser(db, hashToken(cookie.value!), new Date())).toMatchObject({
      username: 'wang',
    });
    expect((await listAuthEvents(db, 1))[0]).toMatchObject({ kind: 'sign_in', username: 'wang' });
  });

  it('a wrong password is refused the same way as an unknown user, and recorded', async () => {
    const { db } = get();
    const wrong = await callerFor(db)
      .auth.signIn({ username: 'wang', password: 'nope' })
      .catch((e) => e);
    const unknown = await callerFor(db)
      .auth.signIn({ username: 'nobody', password: 'nope' })
      .catch((e) => e);
    expect([codeOf(wrong), codeOf(unknown)]).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED']);
    expect((wrong as TRPCError).message).toBe((unknown as TRPCError).message);
    const events = await listAuthEvents(db, 2);
    expect(events.map((e) => [e.kind, e.username, e.detail])).toEqual([
      ['sign_in_failed', 'nobody', 'unknown user'],
      ['sign_in_failed', 'wang', 'wrong password'],
    ]);
  });

  const signInFrom = (address: string, username: string, password: string) =>
    callerFor(get().db, null, { address })
      .auth.signIn({ username, password })
      .catch((e: unknown) => e as TRPCError);
  const checked = async (username: string) =>
    (await listAuthEvents(get().db, 10_000)).filter(
      (e) => e.kind === 'sign_in_failed' && e.username === username,
    ).length;

  it('40 parallel wrong passwords for one account from one address: 4 are checked, none signs in', async () => {
    const { db } = get();
    await testUser(db, 'li', 'official', ['130108']);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signInFrom('10.1.0.1', 'li', `wrong${i}`)),
    );
    expect(results.every((r) => r instanceof Error)).toBe(true);
    expect(await checked('li')).toBe(THROTTLE.pair.free + 1);
    const refused = results.filter((r) => codeOf(r) === 'TOO_MANY_REQUESTS');
    expect(refused).toHaveLength(40 - THROTTLE.pair.free - 1);
    // The 4th attempt waits 1 s; one timed a moment before it reads a wait of just over 1 s.
    expect(causeOf(refused[0])).toMatchObject({ key: 'auth.throttled' });
    expect([1, 2]).toContain(causeOf(refused[0])?.params.seconds);
    const locked = (await listAuthEvents(db, 100)).filter(
      (e) => e.kind === 'sign_in_locked' && e.username === 'li',
    );
    expect(locked).toHaveLength(refused.length);
  });

  it('one address trying many passwords waits longer after each: 1 s, 2 s, 4 s …', async () => {
    const { db } = get();
    await testUser(db, 'qian', 'official', ['130108']);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
      const waits: number[] = [];
      for (let i = 0; i < 8; i++) {
        expect(codeOf(await signInFrom('10.1.0.2', 'qian', 'wrong'))).toBe('UNAUTHORIZED');
        const state = await throttleState(db, 'pair:qian|10.1.0.2');
        const seconds = Math.max(0, (state!.nextAt.getTime() - Date.now()) / 1000);
        waits.push(seconds);
        if (seconds > 0) {
          const early = await signInFrom('10.1.0.2', 'qian', TEST_PASSWORD);
          expect(causeOf(early)).toMatchObject({ key: 'auth.throttled', params: { seconds } });
        }
        vi.advanceTimersByTime(seconds * 1000);
      }
      expect(waits).toEqual([0, 0, 0, 1, 2, 4, 8, 16]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the real user signs in from their own address while the account is under attack from 12 others', async () => {
    const { db } = get();
    await testUser(db, 'admin1', 'admin', 'all');
    for (let a = 0; a < 12; a++)
      await Promise.all(
        Array.from({ length: 5 }, () => signInFrom(`10.2.0.${a}`, 'admin1', 'guess')),
      );
    expect(await checked('admin1')).toBeLessThanOrEqual(12 * (THROTTLE.pair.free + 1));
    const real = await signInFrom('192.168.7.7', 'admin1', TEST_PASSWORD);
    expect(real).toMatchObject({ username: 'admin1', role: 'admin' });
    // A typo of theirs does not lock them out either.
    expect(codeOf(await signInFrom('192.168.7.7', 'admin1', 'typo'))).toBe('UNAUTHORIZED');
    expect(await signInFrom('192.168.7.7', 'admin1', TEST_PASSWORD)).toMatchObject({
      username: 'admin1',
    });
  }, 120_000); // 63 password checks: slow on a loaded machine, not a speed test

  it('an attacker address that has failed 3 times against the account waits as long as the account does', async () => {
    const { db } = get();
    await testUser(db, 'sun', 'official', ['130108']);
    for (let a = 0; a < 3; a++)
      for (let i = 0; i < 3; i++) await signInFrom(`10.3.0.${a}`, 'sun', 'guess');
    // 9 failures on the account: the 4th attempt from an address that failed 3 times waits for it.
    const fourth = await signInFrom('10.3.0.0', 'sun', 'guess');
    expect(codeOf(fourth)).toBe('UNAUTHORIZED');
    const fifth = await signInFrom('10.3.0.1', 'sun', TEST_PASSWORD);
    expect(codeOf(fifth)).toBe('TOO_MANY_REQUESTS');
    expect(await signInFrom('10.3.9.9', 'sun', TEST_PASSWORD)).toMatchObject({ username: 'sun' });
  });

  it('an address failing across many accounts is slowed after 20, other addresses are not', async () => {
    const { db } = get();
    for (let i = 0; i < THROTTLE.address.free; i++)
      expect(codeOf(await signInFrom('10.9.9.9', `guess${i}`, 'x'))).toBe('UNAUTHORIZED');
    expect(codeOf(await signInFrom('10.9.9.9', 'guess-last', 'x'))).toBe('UNAUTHORIZED');
    const slowed = await signInFrom('10.9.9.9', 'wang', TEST_PASSWORD);
    expect(codeOf(slowed)).toBe('TOO_MANY_REQUESTS');
    expect(await signInFrom('10.9.9.10', 'wang', TEST_PASSWORD)).toMatchObject({
      username: 'wang',
    });
    // Signing in to an account of one's own gives back that attempt only: the count stays.
    await testUser(db, 'mallory', 'official', ['130108']);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await signInFrom('10.9.9.9', 'mallory', TEST_PASSWORD)).toMatchObject({
      username: 'mallory',
    });
    expect((await throttleState(db, 'addr:10.9.9.9'))?.failures).toBe(THROTTLE.address.free + 1);
  });

  it('an office behind one address, where someone mistypes every 10 minutes, is never slowed', async () => {
    const { db } = get();
    await testUser(db, 'zhou', 'official', ['130108']);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-02-01T08:00:00Z'));
      for (let i = 0; i < THROTTLE.address.free + 5; i++) {
        expect(codeOf(await signInFrom('10.4.0.1', `colleague${i}`, 'typo'))).toBe('UNAUTHORIZED');
        expect(await signInFrom('10.4.0.1', 'zhou', TEST_PASSWORD)).toMatchObject({
          username: 'zhou',
        });
        vi.advanceTimersByTime(10 * 60_000);
      }
    } finally {
      vi.useRealTimers();
    }
    expect((await throttleState(db, 'addr:10.4.0.1'))?.failures).toBeLessThanOrEqual(1);
    // Fifty real password hashes: on a loaded 2-core machine this takes longer than the default.
  }, 120_000);

  it('an attempt the server is too busy to check is refused at once and not counted', async () => {
    const { db } = get();
    let release = () => {};
    const blocker = new Promise<void>((r) => (release = r));
    const held = Array.from({ length: hashGate.concurrency + hashGate.queue }, () =>
      hashGate.run(() => blocker),
    );
    try {
      const busy = await signInFrom('10.5.0.1', 'wang', TEST_PASSWORD);
      expect(codeOf(busy)).toBe('TOO_MANY_REQUESTS');
      expect(causeOf(busy)).toMatchObject({ key: 'auth.busy' });
    } finally {
      release();
      await Promise.all(held);
    }
    expect(await throttleState(db, 'pair:wang|10.5.0.1')).toMatchObject({ failures: 0 });
    expect(await throttleState(db, 'addr:10.5.0.1')).toMatchObject({ failures: 0 });
  });

  it('an IPv6 network counts as one address: its /64', () => {
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(addressKey('10.0.0.1')).toBe('10.0.0.1');
  });

  it('sign-out ends the session on the server', async () => {
    const { db } = get();
    const cookie = cookieJar();
    const user = await callerFor(db, null, { cookie }).auth.signIn({
      username: 'wang',
      password: TEST_PASSWORD,
    });
    const token = cookie.value!;
    await callerFor(db, user, { cookie: cookieJar(token) }).auth.signOut();
    expect(await findSessionUser(db, hashToken(token), new Date())).toBeNull();
  });

  it('an expired session and a forged token find nobody', async () => {
    const { db } = get();
    const user = await testUser(db, 'wang', 'official', ['130108']);
    const token = newSessionToken();
    await createSession(db, hashToken(token), user.id, new Date(Date.now() - 1000));
    expect(await findSessionUser(db, hashToken(token), new Date())).toBeNull();
    expect(await findSessionUser(db, hashToken(newSessionToken()), new Date())).toBeNull();
  });

  it('a disabled user cannot sign in, and loses open sessions', async () => {
    const { db } = get();
    const admin = await testUser(db, 'root', 'admin', 'all');
    await testUser(db, 'zhao', 'reviewer', ['130108']);
    const cookie = cookieJar();
    await callerFor(db, null, { cookie }).auth.signIn({
      username: 'zhao',
      password: TEST_PASSWORD,
    });
    await callerFor(db, admin).users.setDisabled({ username: 'zhao', disabled: true });
    expect(await findSessionUser(db, hashToken(cookie.value!), new Date())).toBeNull();
    const refused = await callerFor(db)
      .auth.signIn({ username: 'zhao', password: TEST_PASSWORD })
      .catch((e) => e);
    expect(codeOf(refused)).toBe('UNAUTHORIZED');
  });

  it('me is null when signed out', async () => {
    expect(await callerFor(get().db).auth.me()).toBeNull();
  });
});
