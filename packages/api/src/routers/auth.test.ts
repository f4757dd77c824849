import type { TRPCError } from '@trpc/server';
import { createSession, findSessionUser, listAuthEvents, upsertDistrict } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { hashToken, MAX_FAILURES_PER_USER, newSessionToken } from '../auth/session';
import { callerFor, cookieJar, TEST_PASSWORD, testUser } from '../testing';

const codeOf = (e: unknown) => (e as TRPCError).code;

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

  it(`after ${MAX_FAILURES_PER_USER} failures the user name is locked with a "try again in N minutes"`, async () => {
    const { db } = get();
    await testUser(db, 'li', 'official', ['130108']);
    for (let i = 0; i < MAX_FAILURES_PER_USER; i++) {
      await callerFor(db)
        .auth.signIn({ username: 'li', password: 'wrong' })
        .catch(() => {});
    }
    const locked = await callerFor(db)
      .auth.signIn({ username: 'li', password: TEST_PASSWORD })
      .catch((e) => e);
    expect(codeOf(locked)).toBe('TOO_MANY_REQUESTS');
    expect((locked as TRPCError).cause).toMatchObject({
      key: 'auth.locked',
      params: { minutes: 15 },
    });
    expect((await listAuthEvents(db, 1))[0]).toMatchObject({
      kind: 'sign_in_locked',
      username: 'li',
    });
    // Another user from another address is not affected.
    const other = callerFor(db, null, { address: '10.0.0.9' });
    expect(await other.auth.signIn({ username: 'wang', password: TEST_PASSWORD })).toMatchObject({
      username: 'wang',
    });
  });

  it('an address with many failures across user names is locked too', async () => {
    const { db } = get();
    const from = (address: string) => callerFor(db, null, { address });
    for (let i = 0; i < 20; i++)
      await from('10.9.9.9')
        .auth.signIn({ username: `guess${i}`, password: 'x' })
        .catch(() => {});
    const locked = await from('10.9.9.9')
      .auth.signIn({ username: 'wang', password: TEST_PASSWORD })
      .catch((e) => e);
    expect(codeOf(locked)).toBe('TOO_MANY_REQUESTS');
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
