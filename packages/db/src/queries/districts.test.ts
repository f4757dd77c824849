import { expect, it } from 'vitest';
import { describeDb } from '../testing';
import { listDistricts, upsertDistrict } from './districts';

describeDb('listDistricts', (get) => {
  it('is empty on a new database', async () => {
    expect(await listDistricts(get().db)).toEqual([]);
  });

  it('lists districts by code with zero indicators before a plan is imported', async () => {
    const { db } = get();
    await upsertDistrict(db, {
      code: '410703',
      name: '卫滨区',
      city: '新乡市',
      province: '河南省',
    });
    await upsertDistrict(db, {
      code: '130108',
      name: '裕华区',
      city: '石家庄市',
      province: '河北省',
    });
    const list = await listDistricts(db);
    expect(list.map((d) => [d.code, d.name, d.indicatorCount, d.planTitle])).toEqual([
      ['130108', '裕华区', 0, null],
      ['410703', '卫滨区', 0, null],
    ]);
  });

  it('returns only the districts in scope', async () => {
    const { db } = get();
    expect((await listDistricts(db, ['410703'])).map((d) => d.code)).toEqual(['410703']);
    expect(await listDistricts(db, [])).toEqual([]);
  });

  it('updates names of an existing code instead of adding a second row', async () => {
    const { db } = get();
    await upsertDistrict(db, {
      code: '130108',
      name: '裕华区',
      city: '石家庄市',
      province: '河北省(更正)',
    });
    const list = await listDistricts(db);
    expect(list).toHaveLength(2);
    expect(list[0]?.province).toBe('河北省(更正)');
  });
});
