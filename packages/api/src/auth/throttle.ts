import { isIPv6 } from 'node:net';
import {
  clearThrottle,
  giveBackAttempt,
  reserveAttempt,
  type Database,
  type Reservation,
  type ThrottleRule,
} from '@pm/db';

/**
 * The three keys of a sign-in attempt (see docs/security.md):
 * - the account from this address: 3 free, then 1 s, 2 s … up to 15 minutes; forgotten on success;
 * - the account from anywhere: counted on every attempt, but it makes an attempt wait only once
 *   the account has failed 3 times from the attempt's address, so that nobody elsewhere can
 *   lock the real user out; 5 free, then up to 15 minutes; one failure forgotten per 15 minutes;
 * - the address, whatever the account: 20 free, then up to a minute; one forgotten per 5
 *   minutes, so that the rare mistakes of an office behind one address never add up.
 */
export const THROTTLE = {
  pair: { free: 3, capSeconds: 15 * 60, forgetSeconds: null },
  account: { free: 5, capSeconds: 15 * 60, forgetSeconds: 15 * 60 },
  address: { free: 20, capSeconds: 60, forgetSeconds: 5 * 60 },
} as const satisfies Record<string, ThrottleRule>;

/**
 * The address as the throttle counts it: an IPv6 address by its /64 (one subscriber's network:
 * its owner has 2^64 addresses to hand), anything else as it is.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().replace(/%.*$/, '').split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export interface SignInReservations {
  pair: Reservation;
  account: Reservation;
  address: Reservation;
}

/**
 * Counts a sign-in attempt on its three keys before its password is checked; the time to wait
 * when a key it is held to still waits (and then nothing stays counted).
 */
export async function reserveSignIn(
  db: Database,
  username: string,
  address: string,
  at: Date,
): Promise<SignInReservations | { waitUntil: Date }> {
  const where = addressKey(address);
  const taken: Reservation[] = [];
  const refuse = async (waitUntil: Date) => {
    for (const r of taken) await giveBackAttempt(db, r);
    return { waitUntil };
  };
  const pair = await reserveAttempt(db, `pair:${username}|${where}`, THROTTLE.pair, at, true);
  if ('waitUntil' in pair) return refuse(pair.waitUntil);
  taken.push(pair);
  const fromHere = await reserveAttempt(db, `addr:${where}`, THROTTLE.address, at, true);
  if ('waitUntil' in fromHere) return refuse(fromHere.waitUntil);
  taken.push(fromHere);
  const failedHere = pair.failures - 1 >= THROTTLE.pair.free;
  const account = await reserveAttempt(db, `user:${username}`, THROTTLE.account, at, failedHere);
  if ('waitUntil' in account) return refuse(account.waitUntil);
  return { pair, account, address: fromHere };
}

/**
 * Settles the reserved attempt once its password was checked, or could not be: a wrong one stays
 * counted; the right one forgets the account at this address and gives back its count elsewhere
 * (never resetting it: signing in to one's own account from an address clears nobody else's
 * count); an attempt that checked nothing is given back on every key.
 */
export async function settleSignIn(
  db: Database,
  r: SignInReservations,
  outcome: 'wrong' | 'right' | 'unchecked',
): Promise<void> {
  if (outcome === 'wrong') return;
  if (outcome === 'right') await clearThrottle(db, r.pair.key);
  else await giveBackAttempt(db, r.pair);
  await giveBackAttempt(db, r.address);
  await giveBackAttempt(db, r.account);
}
