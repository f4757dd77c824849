import type { TRPCError } from '@trpc/server';
import {
  createSession,
  findCredentials,
  findSessionUser,
  importPlan,
  listAuthEvents,
  builtInPlans,
  upsertDistrict,
} from '@pm/db';
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

  it('scopes reviewers and leaders by province or city, districts added later included', async () => {
    const { db } = get();
    const admin = callerFor(db, await testUser(db, 'root', 'admin', 'all'));
    for (const file of builtInPlans()) await importPlan(db, file);
    await admin.users.add({
      username: 'hebei',
      displayName: '省领导',
      role: 'leader',
      regions: ['13'],
    });
    expect((await admin.users.list()).find((u) => u.username === 'hebei')).toMatchObject({
      districts: ['130104', '130108'],
      listed: [],
      regions: ['13'],
      regionNames: { '13': '河北省' },
    });
    // What a request of theirs sees is read with the session: a district added later is in.
    const id = (await findCredentials(db, 'hebei'))!.id;
    await createSession(db, 'hebei-token', id, new Date(Date.now() + 3_600_000));
    await upsertDistrict(db, {
      code: '130102',
      name: '长安区',
      city: '石家庄市',
      province: '河北省',
    });
    const session = await findSessionUser(db, 'hebei-token', new Date());
    expect(session).toMatchObject({ districts: ['130102', '130104', '130108'], regions: ['13'] });
    // The league of a province's leader lists that province's districts only.
    const league = await callerFor(db, session).scorecard.league({});
    expect(league.total).toBe(3);
    expect(league.groups.map((g) => g.code)).toEqual(['13']);

    // A city and a district beside it; then back to districts only.
    const city = await admin.users.setScope({
      username: 'hebei',
      regions: ['4107'],
      districts: ['130108'],
    });
    expect(city).toMatchObject({
      districts: ['130108', '410703'],
      listed: ['130108'],
      regionNames: { '4107': '新乡市' },
    });
    expect(await admin.users.setScope({ username: 'hebei', districts: ['130104'] })).toMatchObject({
      districts: ['130104'],
      regions: [],
    });
  });

  it.each([
    [{ username: 'hebei', regions: ['99'] }, 'BAD_REQUEST', 'no district is in region 99'],
    [{ username: 'hebei', regions: ['130'] }, 'BAD_REQUEST', 'a province code has 2 digits'],
    [{ username: 'hebei', regions: ['13'], districts: 'all' }, 'BAD_REQUEST', 'include every'],
    [{ username: 'hebei' }, 'BAD_REQUEST', 'give at least one district, a province or a city'],
    [{ username: 'chen', regions: ['13'] }, 'BAD_REQUEST', 'only reviewers and leaders'],
    [{ username: 'nobody', regions: ['13'] }, 'NOT_FOUND', 'no user nobody'],
  ] as const)('refuses the scope %j and keeps the old one', async (input, code, message) => {
    const { db } = get();
    const admin = callerFor(db, await testUser(db, 'root', 'admin', 'all'));
    const before = await admin.users.list();
    const refused = await admin.users
      .setScope(input as Parameters<typeof admin.users.setScope>[0])
      .catch((e: TRPCError) => e);
    expect((refused as TRPCError).code).toBe(code);
    expect((refused as TRPCError).message).toContain(message);
    expect(await admin.users.list()).toEqual(before);
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
