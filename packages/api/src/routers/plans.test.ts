import type { TRPCError } from '@trpc/server';
import type { ZodError } from 'zod';
import { formatPath, planFileSchema, PLAN_FORMAT } from '@pm/core';
import { upsertDistrict } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { expect, it } from 'vitest';
import { callerFor, testUser } from '../testing';

const file = planFileSchema.parse({
  format: PLAN_FORMAT,
  district: { code: '130104', name: '桥西区', city: '石家庄市', province: '河北省' },
  plan: { title: '桥西区规划', baselineYear: 2020, midtermYear: 2023, targetYear: 2025 },
  indicators: [],
});

describeDb('plans router', (get) => {
  it('an admin imports a plan and anyone in scope exports it unchanged', async () => {
    const { db } = get();
    const admin = callerFor(db, await testUser(db, 'root', 'admin', 'all'));
    expect(await admin.plans.import(file)).toMatchObject({ district: '130104', created: true });
    expect(await admin.plans.export({ district: '130104' })).toEqual(file);
  });

  it('a bad plan file is refused with the path of every problem', async () => {
    const { db } = get();
    const admin = callerFor(db, await testUser(db, 'root', 'admin', 'all'));
    const bad = {
      ...file,
      plan: { ...file.plan, midtermYear: 2030 },
      district: { ...file.district, code: '1301' },
    };
    const error = (await admin.plans.import(bad as never).catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe('BAD_REQUEST');
    const paths = (error.cause as ZodError).issues.map((i) => formatPath(i.path));
    expect(paths).toEqual(expect.arrayContaining(['district.code', 'plan.midtermYear']));
  });

  it('a district without a plan exports NOT_FOUND', async () => {
    const { db } = get();
    await upsertDistrict(db, {
      code: '410703',
      name: '卫滨区',
      city: '新乡市',
      province: '河南省',
    });
    const admin = callerFor(db, await testUser(db, 'root', 'admin', 'all'));
    const error = (await admin.plans
      .export({ district: '410703' })
      .catch((e: unknown) => e)) as TRPCError;
    expect(error.code).toBe('NOT_FOUND');
  });
});
