import { findCredentials, recordAuthEvent } from '@pm/db';
import type { Context } from '../context';
import { DomainError } from '../errors';
import { UNUSABLE_HASH, verifyPassword } from './password';
import { reserveSignIn, settleSignIn } from './throttle';

/** The refusal of an attempt that must wait: the seconds to wait, or the minutes when long. */
function tooManyAttempts(until: Date, now: Date): DomainError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  if (seconds < 120)
    return new DomainError(
      'TOO_MANY_REQUESTS',
      'auth.throttled',
      `too many sign-in attempts; try again in ${seconds} seconds`,
      { seconds },
    );
  const minutes = Math.ceil(seconds / 60);
  return new DomainError(
    'TOO_MANY_REQUESTS',
    'auth.throttledMinutes',
    `too many sign-in attempts; try again in ${minutes} minutes`,
    { minutes, seconds },
  );
}

/**
 * The enabled account `username` names when `password` is its password. The attempt is counted
 * (auth/throttle.ts) before the password is checked; one that must wait is refused unchecked.
 * Every outcome is recorded in auth_events. A signed-in user confirming their current password
 * (`purpose: 'confirm'`) goes through the same keys, so a stolen session cannot guess without
 * limit and nobody elsewhere can stop the real user.
 */
export async function checkSignIn(
  ctx: Pick<Context, 'db' | 'address'>,
  username: string,
  password: string,
  now: Date,
  purpose: 'sign_in' | 'confirm' = 'sign_in',
): Promise<{ id: number }> {
  const { db, address } = ctx;
  const reserved = await reserveSignIn(db, username, address, now);
  if ('waitUntil' in reserved) {
    await recordAuthEvent(db, { kind: 'sign_in_locked', username, address });
    throw tooManyAttempts(reserved.waitUntil, now);
  }
  let credentials: Awaited<ReturnType<typeof findCredentials>>;
  let ok: boolean;
  try {
    credentials = await findCredentials(db, username);
    ok = await verifyPassword(password, credentials?.passwordHash ?? UNUSABLE_HASH);
  } catch (error) {
    // Nothing was checked (the server too busy, the database gone): the attempt does not count.
    await settleSignIn(db, reserved, 'unchecked');
    throw error;
  }
  if (!credentials || !ok || credentials.disabled) {
    await recordAuthEvent(db, {
      kind: 'sign_in_failed',
      username,
      userId: credentials?.id ?? null,
      address,
      detail: !credentials
        ? 'unknown user'
        : !ok
          ? purpose === 'confirm'
            ? 'wrong current password'
            : 'wrong password'
          : 'disabled',
    });
    if (purpose === 'confirm')
      throw new DomainError('BAD_REQUEST', 'auth.wrongCurrent', 'the current password is wrong');
    throw new DomainError('UNAUTHORIZED', 'auth.failed', 'wrong user name or password');
  }
  await settleSignIn(db, reserved, 'right');
  return credentials;
}
