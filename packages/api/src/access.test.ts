import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import {
  importPlan,
  listAuthEvents,
  queryRows,
  upsertDistrict,
  type Database,
  type Role,
  type SessionUser,
} from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { planFileSchema, PLAN_FORMAT } from '@pm/core';
import { appRouter } from './root';
import { callerFor, testUser } from './testing';

type Caller = ReturnType<typeof callerFor>;
const IN = '130108';
const OUT = '410402';

interface Access {
  /** Roles allowed; 'public' for anyone, signed in or not. */
  roles: readonly Role[] | 'public';
  /** Whether the call names a district that must be in scope. */
  scoped: boolean;
  call: (c: Caller, district: string, n: number) => Promise<unknown>;
}

const ALL: readonly Role[] = ['official', 'reviewer', 'leader', 'admin'];

const planFile = planFileSchema.parse({
  format: PLAN_FORMAT,
  district: { code: IN, name: '裕华区', city: '石家庄市', province: '河北省' },
  plan: { title: '规划', baselineYear: 2020, midtermYear: 2023, targetYear: 2025 },
  indicators: [],
});

const READERS: readonly Role[] = ['reviewer', 'leader', 'admin'];

/** An allowed call that the data makes fail (nothing to find, already done) still passed the checks. */
const tolerate =
  (...codes: TRPCError['code'][]) =>
  (e: TRPCError) => {
    if (!codes.includes(e.code)) throw e;
  };

/** Every procedure of the API, with who may call it. A new procedure fails the coverage test until listed here. */
const matrix: Record<string, Access> = {
  'auth.me': { roles: 'public', scoped: false, call: (c) => c.auth.me() },
  'auth.signIn': {
    roles: 'public',
    scoped: false,
    // Every role's call from one address: the throttle makes the later ones wait.
    call: (c) =>
      c.auth
        .signIn({ username: 'nobody', password: 'x' })
        .catch(tolerate('UNAUTHORIZED', 'TOO_MANY_REQUESTS')),
  },
  'auth.signOut': { roles: ALL, scoped: false, call: (c) => c.auth.signOut() },
  'auth.changePassword': {
    roles: ALL,
    scoped: false,
    call: (c) =>
      c.auth
        .changePassword({ current: 'not the password', next: 'a brand new passphrase' })
        .catch(tolerate('BAD_REQUEST', 'TOO_MANY_REQUESTS')),
  },
  'districts.list': { roles: ALL, scoped: false, call: (c) => c.districts.list() },
  'districts.get': { roles: ALL, scoped: true, call: (c, d) => c.districts.get({ district: d }) },
  'home.tasks': { roles: ALL, scoped: false, call: (c) => c.home.tasks() },
  'plans.import': {
    roles: ['admin'],
    scoped: false,
    call: (c) => c.plans.import(planFile),
  },
  'plans.export': { roles: ALL, scoped: true, call: (c, d) => c.plans.export({ district: d }) },
  'plans.readDocument': {
    roles: ['admin'],
    scoped: false,
    call: (c) =>
      c.plans.readDocument({
        district: planFile.district,
        filename: 'plan.md',
        base64: Buffer.from(
          '| 序号 | 指标 | 2030年 | 属性 |\n| 1 | 甲（%） | 5 | 预期性 |',
        ).toString('base64'),
      }),
  },
  'plans.readDraft': {
    roles: ['admin'],
    scoped: false,
    call: (c) =>
      c.plans.readDraft({
        district: planFile.district,
        document: 'plan.md',
        plan: planFile.plan,
        rows: [
          {
            seq: 1,
            category: '',
            name: '甲（%）',
            unit: null,
            raw: { baseline: null, target: '5', rate: null, attribute: '预期性' },
          },
        ],
      }),
  },
  'plans.periods': { roles: ALL, scoped: true, call: (c, d) => c.plans.periods({ district: d }) },
  'plans.reviseTarget': {
    roles: ['admin'],
    scoped: true,
    // The plan has no indicator 1: an allowed call is refused by the data.
    call: (c, d) =>
      c.plans
        .reviseTarget({
          district: d,
          seq: 1,
          fromYear: 2024,
          text: '65',
          document: 'd',
          reason: 'r',
        })
        .catch(tolerate('NOT_FOUND')),
  },
  'plans.setLeadDepartment': {
    roles: ['admin'],
    scoped: true,
    // The plan has no indicator 1: an allowed call is refused by the data.
    call: (c, d) =>
      c.plans
        .setLeadDepartment({ district: d, seq: 1, leadDepartment: '区发改局' })
        .catch(tolerate('NOT_FOUND')),
  },
  'plans.events': { roles: ALL, scoped: true, call: (c, d) => c.plans.events({ district: d }) },
  'scorecard.district': {
    roles: ALL,
    scoped: true,
    call: (c, d) => c.scorecard.district({ district: d }),
  },
  'scorecard.indicator': {
    roles: ALL,
    scoped: true,
    call: (c, d) => c.scorecard.indicator({ district: d, seq: 1 }).catch(tolerate('NOT_FOUND')),
  },
  'scorecard.league': { roles: ALL, scoped: false, call: (c) => c.scorecard.league() },
  'scorecard.leagueExport': {
    roles: ALL,
    scoped: false,
    call: (c) => c.scorecard.leagueExport({ format: 'csv' }),
  },
  'evaluations.list': {
    roles: READERS,
    scoped: true,
    call: (c, d) => c.evaluations.list({ district: d }),
  },
  'evaluations.open': {
    roles: ['reviewer'],
    scoped: true,
    call: (c, d) => c.evaluations.open({ district: d }).catch(tolerate('CONFLICT')),
  },
  'evaluations.get': {
    roles: READERS,
    scoped: true,
    call: (c, d) => c.evaluations.get({ district: d, round: 1 }).catch(tolerate('NOT_FOUND')),
  },
  'evaluations.review': {
    roles: ['reviewer'],
    scoped: true,
    call: (c, d) =>
      c.evaluations
        .review({ district: d, round: 1, items: [{ seq: 1, decision: 'confirmed' }] })
        .catch(tolerate('NOT_FOUND', 'CONFLICT')),
  },
  'evaluations.finalize': {
    roles: ['reviewer'],
    scoped: true,
    call: (c, d) =>
      c.evaluations.finalize({ district: d, round: 1 }).catch(tolerate('NOT_FOUND', 'CONFLICT')),
  },
  'evaluations.saveNarrative': {
    roles: ['reviewer', 'admin'],
    scoped: true,
    call: (c, d) =>
      c.evaluations
        .saveNarrative({
          district: d,
          round: 1,
          sections: { achievements: 'a', problems: 'p', causes: 'c', nextSteps: 'n' },
        })
        .catch(tolerate('NOT_FOUND', 'CONFLICT')),
  },
  'evaluations.export': {
    roles: READERS,
    scoped: true,
    call: (c, d) =>
      c.evaluations.export({ district: d, round: 1, format: 'docx' }).catch(tolerate('NOT_FOUND')),
  },
  'carryOver.proposals': {
    roles: ['admin'],
    scoped: true,
    call: (c, d) => c.carryOver.proposals({ district: d, period: '2021-2025' }),
  },
  'carryOver.accept': {
    roles: ['admin'],
    scoped: true,
    call: (c, d) =>
      c.carryOver
        .accept({ district: d, period: '2021-2025', items: [{ seq: 1, previousSeq: 1 }] })
        .catch(tolerate('NOT_FOUND')),
  },
  'values.grid': {
    roles: ALL,
    scoped: true,
    call: (c, d) => c.values.grid({ district: d, year: 2024 }).catch(tolerate('NOT_FOUND')),
  },
  'values.save': {
    roles: ['official'],
    scoped: true,
    call: (c, d) =>
      c.values
        .save({ district: d, seq: 1, year: 2024, kind: 'actual', value: '1', version: null })
        .catch(tolerate('NOT_FOUND')),
  },
  'values.remove': {
    roles: ['official'],
    scoped: true,
    call: (c, d) =>
      c.values.remove({ district: d, id: 1, version: 1 }).catch(tolerate('NOT_FOUND')),
  },
  'values.submit': {
    roles: ['official'],
    scoped: true,
    call: (c, d) => c.values.submit({ district: d, year: 2024 }).catch(tolerate('NOT_FOUND')),
  },
  'values.withdraw': {
    roles: ['official'],
    scoped: true,
    call: (c, d) => c.values.withdraw({ district: d, year: 2024 }).catch(tolerate('NOT_FOUND')),
  },
  'values.approve': {
    roles: ['reviewer'],
    scoped: true,
    call: (c, d) =>
      c.values
        .approve({ district: d, cells: [{ id: 1, version: 1 }] })
        .catch(tolerate('NOT_FOUND', 'CONFLICT')),
  },
  'values.return': {
    roles: ['reviewer'],
    scoped: true,
    call: (c, d) =>
      c.values
        .return({ district: d, cells: [{ id: 1, version: 1 }], comment: '请核对' })
        .catch(tolerate('NOT_FOUND', 'CONFLICT')),
  },
  'values.reopen': {
    roles: ['reviewer'],
    scoped: true,
    call: (c, d) =>
      c.values
        .reopen({ district: d, id: 1, version: 1, reason: '更正' })
        .catch(tolerate('NOT_FOUND', 'CONFLICT')),
  },
  'values.history': {
    roles: ALL,
    scoped: true,
    call: (c, d) => c.values.history({ district: d, id: 1 }).catch(tolerate('NOT_FOUND')),
  },
  'values.deletions': {
    roles: ALL,
    scoped: true,
    call: (c, d) => c.values.deletions({ district: d, seq: 1 }).catch(tolerate('NOT_FOUND')),
  },
  'values.completeness': {
    roles: ALL,
    scoped: true,
    call: (c, d) => c.values.completeness({ district: d }).catch(tolerate('NOT_FOUND')),
  },
  'values.template': {
    roles: ALL,
    scoped: true,
    call: (c, d) => c.values.template({ district: d, year: 2024 }).catch(tolerate('NOT_FOUND')),
  },
  'values.upload': {
    roles: ['official'],
    scoped: true,
    call: (c, d) => c.values.upload({ district: d, year: 2024, base64: 'AAAA' }),
  },
  'users.list': { roles: ['admin'], scoped: false, call: (c) => c.users.list() },
  'users.add': {
    roles: ['admin'],
    scoped: false,
    call: (c, _d, n) =>
      c.users.add({ username: `new${n}`, displayName: 'n', role: 'official', districts: [IN] }),
  },
  'users.setProfile': {
    roles: ['admin'],
    scoped: false,
    call: (c) => c.users.setProfile({ username: 'target', unit: '区统计局' }),
  },
  'users.setScope': {
    roles: ['admin'],
    scoped: false,
    call: (c) => c.users.setScope({ username: 'target', districts: [IN] }),
  },
  'users.setDisabled': {
    roles: ['admin'],
    scoped: false,
    call: (c) => c.users.setDisabled({ username: 'target', disabled: false }),
  },
  'users.resetPassword': {
    roles: ['admin'],
    scoped: false,
    call: (c) => c.users.resetPassword({ username: 'target', password: 'a long enough password' }),
  },
};

/** Row counts and newest ids of every table but the auth record, which refusals append to. */
async function snapshot(db: Database) {
  return queryRows(
    db,
    sql`select
      (select count(*) from users)::int as users,
      (select count(*) from user_districts)::int as scopes,
      (select count(*) from sessions)::int as sessions,
      (select coalesce(max(extract(epoch from password_changed_at)), 0) from users)::float as passwords,
      (select count(*) filter (where disabled) from users)::int as disabled,
      (select count(*) from districts)::int as districts,
      (select count(*) from plans)::int as plans,
      (select count(*) from indicators)::int as indicators,
      (select count(*) from yearly_values)::int as values,
      (select count(*) from value_history)::int as history,
      (select count(*) from evaluation_rounds)::int as rounds,
      (select count(*) filter (where status = 'finalized') from evaluation_rounds)::int as finalized,
      (select count(*) from evaluation_items)::int as reviews`,
  );
}

describe('the access matrix', () => {
  it('lists every procedure of the API', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(matrix).sort());
  });
});

describeDb('every procedure × every role × in and out of scope', (get) => {
  const users = {} as Record<Role, SessionUser>;
  let n = 0;
  beforeAll(async () => {
    const { db } = get();
    await upsertDistrict(db, { code: IN, name: '裕华区', city: '石家庄市', province: '河北省' });
    await upsertDistrict(db, { code: OUT, name: '新华区', city: '平顶山市', province: '河南省' });
    await importPlan(db, planFile);
    for (const role of ALL)
      users[role] = await testUser(db, `${role}1`, role, role === 'admin' ? [IN] : [IN]);
    await testUser(db, 'target', 'official', [IN]);
  });

  const cases = Object.entries(matrix).flatMap(([path, access]) =>
    (['anonymous', ...ALL] as const).flatMap((who) =>
      (access.scoped ? [IN, OUT] : [IN]).map((district) => ({ path, access, who, district })),
    ),
  );

  it.each(cases)('$path as $who on $district', async ({ access, who, district }) => {
    const { db } = get();
    const user = who === 'anonymous' ? null : users[who];
    const allowedRole =
      access.roles === 'public' || (user !== null && access.roles.includes(user.role));
    const allowed = allowedRole && (!access.scoped || district === IN);
    const before = await snapshot(db);
    const result = await access.call(callerFor(db, user), district, n++).then(
      () => null,
      (e: unknown) => e,
    );
    if (allowed) {
      expect(result).toBeNull();
      return;
    }
    expect(result).toBeInstanceOf(TRPCError);
    expect((result as TRPCError).code).toBe(user === null ? 'UNAUTHORIZED' : 'FORBIDDEN');
    expect(await snapshot(db)).toEqual(before);
    if (user)
      expect((await listAuthEvents(db, 1))[0]).toMatchObject({
        kind: 'forbidden',
        username: user.username,
      });
  });
});
