import { expect, it } from 'vitest';
import { describeDb } from '../testing';
import {
  clearThrottle,
  giveBackAttempt,
  NO_WAIT,
  reserveAttempt,
  throttleState,
  type Reservation,
  type ReserveResult,
  type ThrottleRule,
} from './sign-in-throttle';

const SECOND = 1000;
const t0 = new Date('2025-03-01T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const rule: ThrottleRule = { free: 3, capSeconds: 60, forgetSeconds: null };

const reserved = (r: ReserveResult): Reservation => {
  if ('waitUntil' in r) throw new Error(`refused until ${r.waitUntil.toISOString()}`);
  return r;
};

describeDb('sign-in throttle', (get) => {
  it('the free attempts wait for nothing, then each waits twice as long, up to the cap', async () => {
    const { db } = get();
    const waits: number[] = [];
    let now = 0;
    for (let i = 0; i < 12; i++) {
      const r = reserved(await reserveAttempt(db, 'k:grow', rule, at(now), true));
      const until = r.nextAt ?? at(now);
      waits.push((until.getTime() - at(now).getTime()) / SECOND);
      now = until.getTime() - t0.getTime();
    }
    expect(waits).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('a waiting key refuses and counts nothing; the wait over, it counts again', async () => {
    const { db } = get();
    for (let i = 0; i < 4; i++) await reserveAttempt(db, 'k:wait', rule, t0, true);
    expect(await reserveAttempt(db, 'k:wait', rule, at(500), true)).toEqual({
      waitUntil: at(SECOND),
    });
    expect((await throttleState(db, 'k:wait'))?.failures).toBe(4);
    expect(reserved(await reserveAttempt(db, 'k:wait', rule, at(SECOND), true)).failures).toBe(5);
  });

  it('concurrent attempts on one key: only the free ones and one more get through', async () => {
    const { db } = get();
    const results = await Promise.all(
      Array.from({ length: 40 }, () => reserveAttempt(db, 'k:race', rule, t0, true)),
    );
    const through = results.filter((r) => !('waitUntil' in r));
    expect(through).toHaveLength(rule.free + 1);
    expect((await throttleState(db, 'k:race'))?.failures).toBe(rule.free + 1);
  });

  it('a free attempt timed a moment before another, but run after it, does not wait for it', async () => {
    const { db } = get();
    await reserveAttempt(db, 'k:order', rule, at(0), true);
    await reserveAttempt(db, 'k:order', rule, at(10), true);
    expect(reserved(await reserveAttempt(db, 'k:order', rule, at(5), true)).failures).toBe(3);
  });

  it('a key not enforced counts every attempt and sets no wait', async () => {
    const { db } = get();
    for (let i = 0; i < 10; i++) {
      const r = reserved(await reserveAttempt(db, 'k:count', rule, t0, false));
      expect(r.nextAt).toBeNull();
    }
    expect(await throttleState(db, 'k:count')).toMatchObject({ failures: 10, nextAt: NO_WAIT });
    // Enforced again, it waits after this attempt as its count says.
    const r = reserved(await reserveAttempt(db, 'k:count', rule, at(SECOND), true));
    expect(r).toMatchObject({ failures: 11, nextAt: at(61 * SECOND) });
  });

  it('a quiet day starts a key over', async () => {
    const { db } = get();
    for (let i = 0; i < 6; i++)
      await reserveAttempt(db, 'k:quiet', rule, at(i * 60 * SECOND), true);
    const next = reserved(await reserveAttempt(db, 'k:quiet', rule, at(25 * 3600 * SECOND), true));
    expect(next).toMatchObject({ failures: 1, nextAt: null });
  });

  it('a forgetting key forgets one attempt per period, however often it is tried', async () => {
    const { db } = get();
    const forgetting: ThrottleRule = { free: 20, capSeconds: 60, forgetSeconds: 300 };
    for (let i = 0; i < 10; i++) await reserveAttempt(db, 'k:forget', forgetting, t0, true);
    // An attempt every 4 minutes: less than a period apart, yet one is forgotten per 5 minutes.
    let last: Reservation | undefined;
    for (let m = 4; m <= 40; m += 4)
      last = reserved(await reserveAttempt(db, 'k:forget', forgetting, at(m * 60 * SECOND), true));
    // 10 + 10 attempts, 8 periods of 5 minutes in 40 minutes.
    expect(last?.failures).toBe(12);
    // An hour later everything is forgotten: this attempt is the first.
    const later = at(100 * 60 * SECOND);
    expect(reserved(await reserveAttempt(db, 'k:forget', forgetting, later, true)).failures).toBe(
      1,
    );
  });

  it('an attempt given back is uncounted and its wait undone, unless another set one since', async () => {
    const { db } = get();
    for (let i = 0; i < 3; i++) await reserveAttempt(db, 'k:back', rule, t0, true);
    const fourth = reserved(await reserveAttempt(db, 'k:back', rule, t0, true));
    expect(fourth.nextAt).toEqual(at(SECOND));
    await giveBackAttempt(db, fourth);
    expect(await throttleState(db, 'k:back')).toMatchObject({ failures: 3, nextAt: NO_WAIT });

    const again = reserved(await reserveAttempt(db, 'k:back', rule, t0, true));
    const later = reserved(await reserveAttempt(db, 'k:back', rule, at(SECOND), true));
    await giveBackAttempt(db, again);
    expect(await throttleState(db, 'k:back')).toMatchObject({
      failures: 4,
      nextAt: later.nextAt,
    });
    await clearThrottle(db, 'k:back');
    expect(await throttleState(db, 'k:back')).toBeNull();
  });
});
