import { TRPCError } from '@trpc/server';
import { upsertDistrict } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { expect, it } from 'vitest';
import { callerFor } from '../testing';

describeDb('districts router', (get) => {
  it('lists an empty database as an empty list', async () => {
    expect(await callerFor(get().db).districts.list()).toEqual([]);
  });

  it('gets one district by code', async () => {
    const { db } = get();
    await upsertDistrict(db, {
      code: '410402',
      name: '新华区',
      city: '平顶山市',
      province: '河南省',
    });
    const caller = callerFor(db);
    expect(await caller.districts.get({ code: '410402' })).toMatchObject({
      name: '新华区',
      city: '平顶山市',
    });
  });

  it('an unknown code is NOT_FOUND with a catalog key', async () => {
    const error = await callerFor(get().db)
      .districts.get({ code: '999999' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('NOT_FOUND');
    expect((error as TRPCError).cause).toMatchObject({ key: 'district.notFound' });
  });

  it('a code that is not 6 digits is BAD_REQUEST before the database is touched', async () => {
    const error = await callerFor(get().db)
      .districts.get({ code: '13' })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
  });
});
