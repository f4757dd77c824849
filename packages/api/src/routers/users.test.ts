import type { TRPCError } from '@trpc/server';
import { findCredentials, listAuthEvents, upsertDistrict } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password';
import { callerFor, testUser } from '../testing';

describeDb('users router (admin)', (get) => {
  beforeAll(async () => {
    await upsertDistrict(get().db, {
      code: '130108',
      name: '裕华区',
      city: '石家庄市',
      province: '河北省',
    });
  });

  it('adds a user with a generated password shown once, and lists them', async () => {
    const { db } = get();
    const admin = callerFor(db, await testUser(db, 'root', 'admin', 'all'));
    const added = await admin.users.add({
      username: 'chen',
      displayName: '陈',
      role: 'official',
      districts: ['130108'],
    });
    expect(added.password).toMatch(/^\w{16}$/);
    expect(
      await verifyPassword(added.password!, (await findCredentials(db, 'chen'))!.passwordHash),
    ).toBe(true);
    expect((await admin.users.list()).find((u) => u.username === 'chen')).toMatchObject({
      role: 'official',
      districts: ['130108'],
      disabled: false,
    });
  });

  it.each([
    [
      { username: 'chen', displayName: 'x', role: 'official', districts: ['130108'] },
      'BAD_REQUEST',
      'exists already',
    ],
    [
      { username: 'zhou', displayName: 'x', role: 'official', districts: ['999999'] },
      'BAD_REQUEST',
      'no district 999999',
    ],
    [
      { username: 'Bad Name', displayName: 'x', role: 'official', districts: ['130108'] },
      'BAD_REQUEST',
      'user name',
    ],
    [
      { username: 'wu', displayName: 'x', role: 'official', districts: 'all' },
      'BAD_REQUEST',
      'only leaders and admins',
    ],
    [
      {
        username: 'wu',
        displayName: 'x',
        role: 'official',
        districts: ['130108'],
        password: 'eleven-char',
      },
      'BAD_REQUEST',
      'password must have at least 12 characters',
    ],
  ] as const)('refuses %j with %s', async (input, code, message) => {
    const { db } = get();
    const admin = callerFor(db, await testUser(db, 'root', 'admin', 'all'));
    const error = await admin.users.add(input as never).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe(code);
    expect((error as TRPCError).message).toContain(message);
  });

  it('a reviewer is added with the unit (单位) their reports are signed for; a unit over 64 characters is refused', async () => {
    const { db } = get();
    const admin = callerFor(db, await testUser(db, 'root', 'admin', 'all'));
    await admin.users.add({
      username: 'zhao',
      displayName: '赵明',
      unit: ' 裕华区发展和改革局 ',
      role: 'reviewer',
      districts: ['130108'],
    });
    const listed = await admin.users.list();
    expect(listed.find((u) => u.username === 'zhao')).toMatchObject({
      displayName: '赵明',
      unit: '裕华区发展和改革局',
    });
    expect(listed.find((u) => u.username === 'chen')?.unit).toBeNull();
    const refused = await admin.users
      .add({
        username: 'sun',
        displayName: '孙',
        unit: '局'.repeat(65),
        role: 'reviewer',
        districts: ['130108'],
      })
      .catch((e: TRPCError) => e);
    expect((refused as TRPCError).code).toBe('BAD_REQUEST');
    expect((refused as TRPCError).message).toContain('unit (单位): at most 64 characters');
    expect((await admin.users.list()).some((u) => u.username === 'sun')).toBe(false);
  });

  it('sets an existing user’s unit and name; only what is given changes, a blank unit clears it', async () => {
    const { db } = get();
    const admin = callerFor(db, await testUser(db, 'root', 'admin', 'all'));
    const unit = await admin.users.setProfile({ username: 'zhao', unit: ' 裕华区统计局 ' });
    expect(unit).toMatchObject({ username: 'zhao', displayName: '赵明', unit: '裕华区统计局' });
    const renamed = await admin.users.setProfile({ username: 'zhao', displayName: '赵明明' });
    expect(renamed).toMatchObject({ displayName: '赵明明', unit: '裕华区统计局' });
    expect(await admin.users.setProfile({ username: 'zhao', unit: '  ' })).toMatchObject({
      unit: null,
    });
    const nothing = await admin.users.setProfile({ username: 'zhao' }).catch((e: TRPCError) => e);
    expect((nothing as TRPCError).message).toContain(
      'give a display name or a unit (单位) to change',
    );
    const missing = await admin.users
      .setProfile({ username: 'nobody', unit: '局' })
      .catch((e: TRPCError) => e);
    expect((missing as TRPCError).code).toBe('NOT_FOUND');
    const long = await admin.users
      .setProfile({ username: 'zhao', unit: '局'.repeat(65) })
      .catch((e: TRPCError) => e);
    expect((long as TRPCError).code).toBe('BAD_REQUEST');
    expect((await admin.users.list()).find((u) => u.username === 'zhao')).toMatchObject({
      displayName: '赵明明',
      unit: null,
    });
  });

  it('resets a password and refuses to disable oneself', async () => {
    const { db } = get();
    const admin = callerFor(db, await testUser(db, 'root', 'admin', 'all'));
    const reset = await admin.users.resetPassword({
      username: 'chen',
      password: 'a new long password',
    });
    expect(reset.password).toBeNull();
    expect((await listAuthEvents(db, 1))[0]).toMatchObject({
      kind: 'password_changed',
      username: 'chen',
      detail: 'reset by root',
    });
    expect(
      await verifyPassword(
        'a new long password',
        (await findCredentials(db, 'chen'))!.passwordHash,
      ),
    ).toBe(true);
    const self = await admin.users
      .setDisabled({ username: 'root', disabled: true })
      .catch((e: unknown) => e);
    expect((self as TRPCError).message).toContain('your own account');
    const short = await admin.users
      .resetPassword({ username: 'chen', password: 'eleven-char' })
      .catch((e: unknown) => e);
    expect((short as TRPCError).message).toContain('at least 12 characters');
    const missing = await admin.users.resetPassword({ username: 'ghost' }).catch((e: unknown) => e);
    expect((missing as TRPCError).code).toBe('NOT_FOUND');
  });
});
