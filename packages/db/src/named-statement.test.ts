import { beforeAll, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Database } from './client';
import { NamedStatement } from './named-statement';
import { districts } from './schema';
import { describeDb } from './testing';
import { upsertDistrict } from './queries/districts';

class Rollback extends Error {}

describeDb('named statements: built once, run in the session given', (get) => {
  let builds = 0;
  const byCode = new NamedStatement<{ code: string; name: string; province: string }>(
    'pm_test_district_by_code',
    { code: districts.id, name: districts.name, province: districts.province },
    (db) => {
      builds++;
      return db
        .select({ code: districts.id, name: districts.name, province: districts.province })
        .from(districts)
        .where(eq(districts.id, sql.placeholder('code')));
    },
  );
  const rename = new NamedStatement<{ name: string }>(
    'pm_test_district_rename',
    { name: districts.name },
    (db) =>
      db
        .update(districts)
        .set({ name: sql`${sql.placeholder('name')}` })
        .where(eq(districts.id, sql.placeholder('code')))
        .returning({ name: districts.name }),
  );

  beforeAll(async () => {
    for (const [code, name] of [
      ['130108', '裕华区'],
      ['130104', '桥西区'],
    ] as const)
      await upsertDistrict(get().db, { code, name, city: '石家庄市', province: '河北省' });
  });

  it('maps rows to the named columns, with each run given its own arguments', async () => {
    expect(await byCode.execute(get().db, { code: '130108' })).toEqual([
      { code: '130108', name: '裕华区', province: '河北省' },
    ]);
    expect(await byCode.execute(get().db, { code: '130104' })).toEqual([
      { code: '130104', name: '桥西区', province: '河北省' },
    ]);
    expect(await byCode.execute(get().db, { code: '999999' })).toEqual([]);
  });

  it('decodes each column as drizzle does: timestamps, numbers, nulls, mapWith and aliases', async () => {
    const db = get().db;
    const columns = {
      code: districts.id,
      name: districts.name,
      createdAt: districts.createdAt,
      length: sql<number>`length(${districts.name})`.mapWith(Number),
      upper: sql<string>`upper(${districts.id})`.as('upper'),
      nothing: sql<string | null>`null::text`,
      half: sql<string>`1.5::numeric`,
    };
    const stmt = new NamedStatement<Record<string, unknown>>(
      'pm_test_district_decoded',
      columns,
      (d) =>
        d
          .select(columns)
          .from(districts)
          .where(eq(districts.id, sql.placeholder('code'))),
    );
    const viaDrizzle = await db.select(columns).from(districts).where(eq(districts.id, '130108'));
    const [row] = await stmt.execute(db, { code: '130108' });
    expect(row).toEqual(viaDrizzle[0]);
    expect(row!.createdAt).toBeInstanceOf(Date);
    expect(row!.length).toBe(3);
    expect(row!.nothing).toBeNull();
    expect(row!.half).toBe('1.5');
  });

  it('builds its SQL once however often it runs', async () => {
    const before = builds;
    for (let i = 0; i < 5; i++) await byCode.execute(get().db, { code: '130108' });
    expect(builds - before).toBe(0);
    expect(builds).toBe(1);
  });

  it('runs inside the transaction it is given: its writes are seen there and rolled back with it', async () => {
    await expect(
      get().db.transaction(async (t) => {
        const tx = t as unknown as Database;
        expect(await rename.execute(tx, { code: '130108', name: '改名' })).toEqual([
          { name: '改名' },
        ]);
        expect((await byCode.execute(tx, { code: '130108' }))[0]?.name).toBe('改名');
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect((await byCode.execute(get().db, { code: '130108' }))[0]?.name).toBe('裕华区');
  });
});
