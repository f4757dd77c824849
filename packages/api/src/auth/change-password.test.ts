import type { TRPCError } from '@trpc/server';
import { createSession, findCredentials, findSessionUser, listAuthEvents } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { expect, it } from 'vitest';
import { callerFor, cookieJar, TEST_PASSWORD, testUser } from '../testing';
import { verifyPassword } from './password';
import { hashToken, newSessionToken } from './session';

const NEW_PASSWORD = 'a brand new passphrase';
const errorOf = (e: unknown) => e as TRPCError & { cause: { key?: string } };

describeDb('changing one’s own password', (get) => {
  /** A user with two sessions: the one they change it in, and another (a second browser). */
  async function signedIn(username: string) {
    const { db } = get();
    const user = await testUser(db, username, 'official', []);
    const here = newSessionToken();
    const elsewhere = newSessionToken();
    const expires = new Date(Date.now() + 3_600_000);
    await createSession(db, hashToken(here), user.id, expires);
    await createSession(db, hashToken(elsewhere), user.id, expires);
    return { user, here, elsewhere, caller: callerFor(db, user, { cookie: cookieJar(here) }) };
  }

  it('with the current password: the new one works, other sessions end, this one stays, recorded', async () => {
    const { db } = get();
    const { caller, here, elsewhere } = await signedIn('wang');
    expect(
      await caller.auth.changePassword({ current: TEST_PASSWORD, next: NEW_PASSWORD }),
    ).toEqual({ ok: true });
    const hash = (await findCredentials(db, 'wang'))!.passwordHash;
    expect(await verifyPassword(NEW_PASSWORD, hash)).toBe(true);
    expect(await verifyPassword(TEST_PASSWORD, hash)).toBe(false);
    expect(await findSessionUser(db, hashToken(here), new Date())).toMatchObject({
      username: 'wang',
    });
    expect(await findSessionUser(db, hashToken(elsewhere), new Date())).toBeNull();
    expect((await listAuthEvents(db, 1))[0]).toMatchObject({
      kind: 'password_changed',
      username: 'wang',
      address: '127.0.0.1',
    });
  });

  it('a wrong current password changes nothing and is recorded as a failed attempt', async () => {
    const { db } = get();
    const { caller, elsewhere } = await signedIn('li');
    const error = errorOf(
      await caller.auth
        .changePassword({ current: 'not my password', next: NEW_PASSWORD })
        .catch((e: unknown) => e),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.cause.key).toBe('auth.wrongCurrent');
    expect(
      await verifyPassword(TEST_PASSWORD, (await findCredentials(db, 'li'))!.passwordHash),
    ).toBe(true);
    expect(await findSessionUser(db, hashToken(elsewhere), new Date())).not.toBeNull();
    expect((await listAuthEvents(db, 1))[0]).toMatchObject({
      kind: 'sign_in_failed',
      username: 'li',
      detail: 'wrong current password',
    });
  });

  it('repeated wrong current passwords make even the right one wait, as sign-ins do', async () => {
    const { caller } = await signedIn('zhao');
    for (let i = 0; i < 5; i++)
      await caller.auth
        .changePassword({ current: `guess ${i}`, next: NEW_PASSWORD })
        .catch(() => {});
    const error = errorOf(
      await caller.auth
        .changePassword({ current: TEST_PASSWORD, next: NEW_PASSWORD })
        .catch((e: unknown) => e),
    );
    expect(error.code).toBe('TOO_MANY_REQUESTS');
    expect(error.cause.key).toBe('auth.throttled');
  });

  it('failed sign-ins from elsewhere do not stop the real user changing their password', async () => {
    const { db } = get();
    const { caller } = await signedIn('qian');
    for (let i = 0; i < 12; i++)
      await callerFor(db, null, { address: `203.0.113.${i}` })
        .auth.signIn({ username: 'qian', password: `guess ${i}` })
        .catch(() => {});
    expect(
      await caller.auth.changePassword({ current: TEST_PASSWORD, next: NEW_PASSWORD }),
    ).toEqual({ ok: true });
  });

  it.each([
    [{ current: TEST_PASSWORD, next: 'eleven-char' }, 'password must have at least 12 characters'],
    [{ current: TEST_PASSWORD, next: TEST_PASSWORD }, 'the new password must differ'],
    [{ current: '', next: NEW_PASSWORD }, 'give your current password'],
  ])('refuses %j: %s', async (input, message) => {
    const { caller } = await signedIn('sun');
    const error = errorOf(await caller.auth.changePassword(input).catch((e: unknown) => e));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain(message);
  });

  it('needs a signed-in user', async () => {
    const error = errorOf(
      await callerFor(get().db)
        .auth.changePassword({ current: TEST_PASSWORD, next: NEW_PASSWORD })
        .catch((e: unknown) => e),
    );
    expect(error.code).toBe('UNAUTHORIZED');
  });
});
