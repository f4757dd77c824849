import { TRPCError } from '@trpc/server';
import { upsertDistrict } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { callerFor, testUser } from '../testing';

describeDb('districts router', (get) => {
  beforeAll(async () => {
    await upsertDistrict(get().db, {
      code: '410402',
      name: '新华区',
      city: '平顶山市',
      province: '河南省',
    });
    await upsertDistrict(get().db, {
      code: '130108',
      name: '裕华区',
      city: '石家庄市',
      province: '河北省',
    });
  });

  it('lists only the districts in the caller’s scope', async () => {
    const { db } = get();
    const leader = await testUser(db, 'leader', 'leader', 'all');
    const official = await testUser(db, 'official', 'official', ['130108']);
    expect((await callerFor(db, leader).districts.list()).map((d) => d.code)).toEqual([
      '130108',
      '410402',
    ]);
    expect((await callerFor(db, official).districts.list()).map((d) => d.code)).toEqual(['130108']);
  });

  it('gets one district by code', async () => {
    const leader = await testUser(get().db, 'leader', 'leader', 'all');
    expect(await callerFor(get().db, leader).districts.get({ district: '410402' })).toMatchObject({
      name: '新华区',
      city: '平顶山市',
    });
  });

  it('an unknown code is NOT_FOUND with a catalog key', async () => {
    const leader = await testUser(get().db, 'leader', 'leader', 'all');
    const error = await callerFor(get().db, leader)
      .districts.get({ district: '999999' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('NOT_FOUND');
    expect((error as TRPCError).cause).toMatchObject({ key: 'district.notFound' });
  });

  it('a code that is not 6 digits is BAD_REQUEST', async () => {
    const leader = await testUser(get().db, 'leader', 'leader', 'all');
    const error = await callerFor(get().db, leader)
      .districts.get({ district: '13' })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
  });
});
