import {
  builtInPlans,
  importPlan,
  listDistricts,
  loadPlanInputs,
  saveValues,
  seedBuiltIn,
  transitionValues,
  upsertDistrict,
  type Database,
} from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { league } from './league';
import { LeagueCache } from './league-cache';

const YUHUA = '130108';
const QIAOXI = '130104';

describeDb('league cache', (get) => {
  /** The league computed from scratch, as the cache must always answer. */
  const fresh = async (scope: readonly string[] | 'all', year?: number) =>
    league(
      await listDistricts(get().db, scope),
      await loadPlanInputs(get().db, scope, year, { lean: true }),
      year,
    );
  const rowOf = (l: Awaited<ReturnType<typeof fresh>>, code: string) =>
    l.rows.find((r) => r.code === code);

  beforeAll(async () => {
    // The demo as reported at the mid-term: the years after it are free for new figures.
    await seedBuiltIn(get().db, builtInPlans()[0]!.plan.midtermYear);
    await upsertDistrict(get().db, {
      code: '130102',
      name: '长安区',
      city: '石家庄市',
      province: '河北省',
    });
  });

  /** Plan rows the cache has taken from the database: read as stored, or computed. */
  const taken = (cache: LeagueCache) => cache.computed + cache.loaded;

  it('answers as the league computed from scratch, and reads each plan once', async () => {
    const cache = new LeagueCache(get().db);
    const first = await cache.league('all', null, undefined);
    expect(first).toEqual(await fresh('all'));
    expect(first.rows).toHaveLength(6);
    expect(rowOf(first, '130102')?.planTitle).toBeNull();
    // The seed's transaction stored every plan's summaries: none is assessed here.
    expect(cache.loaded).toBe(5);
    expect(cache.computed).toBe(0);
    expect(await cache.league('all', null, undefined)).toEqual(first);
    expect(taken(cache)).toBe(5);
    // Another year is another row of each plan.
    expect(await cache.league('all', null, 2022)).toEqual(await fresh('all', 2022));
    expect(taken(cache)).toBe(10);
    // A scope reads the same rows.
    expect(await cache.league([YUHUA], null, 2022)).toEqual(await fresh([YUHUA], 2022));
    expect(taken(cache)).toBe(10);
  });

  it('assesses a plan whose stored summary is stale (a write without the app) and stores it again', async () => {
    const db = get().db;
    // As psql would: an approved figure changed outside every transaction of the app.
    await db.execute(
      sql`update yearly_values set value = value + 1 where id = (select v.id from yearly_values v
        join indicators i on i.id = v.indicator_id join plans p on p.id = i.plan_id
        where p.district_id = ${YUHUA} and v.state = 'approved' and v.year <= p.midterm_year
        order by v.id limit 1)`,
    );
    const cache = new LeagueCache(db);
    expect(await cache.league('all', null, undefined)).toEqual(await fresh('all'));
    expect([cache.computed, cache.loaded]).toEqual([1, 4]);
    // The next server finds it stored (after the answer, which did not wait for it).
    await cache.stored();
    const next = new LeagueCache(db);
    expect(await next.league('all', null, undefined)).toEqual(await fresh('all'));
    expect([next.computed, next.loaded]).toEqual([0, 5]);
  });

  it('stores nothing when told not to (a read replica)', async () => {
    const db = get().db;
    await db.execute(sql`update plan_revisions set revision = revision + 1`);
    const replica = new LeagueCache(db, { persist: false });
    expect(await replica.league('all', null, undefined)).toEqual(await fresh('all'));
    expect(replica.computed).toBe(5);
    const next = new LeagueCache(db, { persist: false });
    await next.league('all', null, undefined);
    expect(next.computed).toBe(5);
    // A server that may write stores them.
    const writer = new LeagueCache(db);
    await writer.league('all', null, undefined);
    await writer.stored();
    const after = new LeagueCache(db);
    await after.league('all', null, undefined);
    expect([after.computed, after.loaded]).toEqual([0, 5]);
  });

  it('recomputes only the plan whose approved values changed, and not for drafts', async () => {
    const db = get().db;
    const cache = new LeagueCache(db);
    const start = await cache.league('all', null, 2025);
    const before = taken(cache);
    const assessed = cache.computed;

    const change = { seq: 4, year: 2025, kind: 'actual' as const, value: 1, version: null };
    await saveValues(db, QIAOXI, [change], 'official');
    expect(await cache.league('all', null, 2025)).toEqual(start);
    expect(taken(cache)).toBe(before);

    await transitionValues(db, QIAOXI, 'submit', { year: 2025 }, 'official');
    await transitionValues(db, QIAOXI, 'approve', { year: 2025 }, 'reviewer');
    const after = await cache.league('all', null, 2025);
    expect(after).toEqual(await fresh('all', 2025));
    // The approval's transaction stored the plan's new summary: it is read, not assessed.
    expect(taken(cache)).toBe(before + 1);
    expect(cache.computed).toBe(assessed);
    expect(rowOf(after, QIAOXI)?.completeness?.reported).toBe(
      rowOf(start, QIAOXI)!.completeness!.reported + 1,
    );
  });

  it('follows a plan imported again', async () => {
    const db = get().db;
    const cache = new LeagueCache(db);
    const before = await cache.league('all', null, undefined);
    const file = builtInPlans().find((p) => p.district.code === YUHUA)!;
    await importPlan(db, { ...file, plan: { ...file.plan, title: `${file.plan.title}（修订）` } });
    const after = await cache.league('all', null, undefined);
    expect(after).toEqual(await fresh('all'));
    expect(rowOf(after, YUHUA)?.planTitle).not.toBe(rowOf(before, YUHUA)?.planTitle);
    expect([cache.computed, cache.loaded]).toEqual([0, 6]);
  });

  it('shares one computation between requests arriving together', async () => {
    const cache = new LeagueCache(get().db);
    const [a, b] = await Promise.all([
      cache.league('all', null, undefined),
      cache.league([YUHUA, QIAOXI], null, undefined),
    ]);
    expect(taken(cache)).toBe(5);
    expect(a).toEqual(await fresh('all'));
    expect(b).toEqual(await fresh([YUHUA, QIAOXI]));
  });

  it('keeps nothing of a failed read: the next request computes again', async () => {
    const db = get().db;
    let executes = 0;
    // The second raw query of a league (the stored summaries) fails once.
    const flaky = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === 'execute')
          return (...args: Parameters<Database['execute']>) => {
            executes++;
            if (executes === 2) return Promise.reject(new Error('connection lost'));
            return target.execute(...args);
          };
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const cache = new LeagueCache(flaky);
    await expect(cache.league('all', null, undefined)).rejects.toThrow('connection lost');
    expect(taken(cache)).toBe(0);
    expect(await cache.league('all', null, undefined)).toEqual(await fresh('all'));
    expect(taken(cache)).toBe(5);
  });

  it('keeps a bounded number of years per plan', async () => {
    const cache = new LeagueCache(get().db);
    for (let year = 2016; year <= 2025; year++) await cache.league([YUHUA], null, year);
    expect(taken(cache)).toBe(10);
    const again = await cache.league([YUHUA], null, 2025);
    expect(taken(cache)).toBe(10);
    // Nothing changed: the very league made before.
    expect(await cache.league([YUHUA], null, 2025)).toBe(again);
    // The oldest years asked for were let go (another scope, so not the league kept whole).
    await cache.league([YUHUA, QIAOXI], null, 2016);
    expect(taken(cache)).toBe(12);
  });
});
