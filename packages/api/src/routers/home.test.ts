import { eq } from 'drizzle-orm';
import { builtInPlans, importPlan, schema, type SessionUser } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { callerFor, testUser } from '../testing';

const YUHUA = '130108';
const QIAOXI = '130104';

type Who = 'official' | 'reviewer' | 'leader' | 'admin' | 'qOfficial' | 'qReviewer' | 'qLeader';

describeDb('home router', (get) => {
  const users = {} as Record<Who, SessionUser>;
  const as = (who: Who) => callerFor(get().db, users[who]);

  /** Saves a figure as a draft and returns its id and version. */
  async function draft(seq: number, year: number, value: number, kind = 'actual' as const) {
    const { value: saved } = await as('official').values.save({
      district: YUHUA,
      seq,
      year,
      kind,
      value,
      version: null,
    });
    return saved!;
  }

  beforeAll(async () => {
    const { db } = get();
    for (const file of builtInPlans().filter((p) => [YUHUA, QIAOXI].includes(p.district.code)))
      await importPlan(db, file);
    users.official = await testUser(db, 'h-official', 'official', [YUHUA]);
    await db
      .update(schema.users)
      .set({ displayName: '裕华区填报员' })
      .where(eq(schema.users.username, 'h-official'));
    users.reviewer = await testUser(db, 'h-reviewer', 'reviewer', [YUHUA]);
    users.leader = await testUser(db, 'h-leader', 'leader', [YUHUA]);
    users.admin = await testUser(db, 'h-admin', 'admin', 'all');
    users.qOfficial = await testUser(db, 'q-official', 'official', [QIAOXI]);
    users.qReviewer = await testUser(db, 'q-reviewer', 'reviewer', [QIAOXI]);
    users.qLeader = await testUser(db, 'q-leader', 'leader', [QIAOXI]);

    // 2025: seq 4 returned, seq 1 submitted, seq 5 a draft.
    await draft(4, 2025, 62);
    await draft(1, 2025, 700);
    await as('official').values.submit({ district: YUHUA, year: 2025 });
    const grid = await as('reviewer').values.grid({ district: YUHUA, year: 2025 });
    const stored = grid.groups.flatMap((g) => g.rows).find((r) => r.indicator.seq === 4)!.actual!
      .stored!;
    await as('reviewer').values.return({
      district: YUHUA,
      cells: [{ id: stored.id, version: stored.version }],
      comment: '与统计公报不符，请核对',
    });
    await draft(5, 2025, 3);
    // 2023: the binding 空气质量优良天数比率 (seq 16) far below its assigned target, approved.
    const target = await draft(16, 2023, 80, 'assigned_target' as 'actual');
    const actual = await draft(16, 2023, 50);
    await as('official').values.submit({ district: YUHUA, year: 2023 });
    await as('reviewer').values.approve({
      district: YUHUA,
      cells: [target, actual].map((v) => ({ id: v.id, version: v.version + 1 })),
    });
    await as('reviewer').evaluations.open({ district: YUHUA, year: 2023 });
  });

  it('an official sees the returned figure with its reason, the draft and what is missing', async () => {
    const home = await as('official').home.tasks();
    expect(home).toMatchObject({ role: 'official', year: 2025, period: { period: '2021-2025' } });
    expect(home.only).toEqual({ code: YUHUA, name: '裕华区' });
    const [yuhua] = home.districts;
    expect(yuhua!.code).toBe(YUHUA);
    expect(yuhua!.returned).toEqual([
      expect.objectContaining({ seq: 4, year: 2025, reason: '与统计公报不符，请核对' }),
    ]);
    expect(yuhua!.drafts.map((f) => f.seq)).toEqual([5]);
    expect(yuhua!.submitted).toEqual([]);
    expect(yuhua!.rounds).toEqual([]);
    expect(home.warnings).toEqual([]);
  });

  it('the missing figures are those the entry page counts by core’s completeness', async () => {
    const home = await as('official').home.tasks();
    const { missing } = home.districts[0]!;
    const [entry] = await as('official').values.completeness({ district: YUHUA, year: 2025 });
    expect(missing.total).toBe(entry!.figures.total);
    expect(missing.cells).toHaveLength(entry!.figures.counts.missing);
    const seqs = missing.cells.map((c) => c.seq);
    expect(seqs).not.toContain(1);
    expect(seqs).not.toContain(4);
    expect(seqs).not.toContain(5);
    expect(missing.cells[0]).toMatchObject({ seq: 2, kind: 'actual', name: expect.any(String) });
  });

  it('a year asked for is the year whose figures are missing', async () => {
    const home = await as('official').home.tasks({ year: 2023 });
    expect(home.year).toBe(2023);
    const cells = home.districts[0]!.missing.cells;
    expect(cells.some((c) => c.seq === 16)).toBe(false);
    expect(cells.some((c) => c.seq === 4)).toBe(true);
  });

  it('a reviewer sees the submitted figure and the open round, not the returned one', async () => {
    const home = await as('reviewer').home.tasks();
    const [yuhua] = home.districts;
    expect(yuhua!.submitted.map((f) => [f.seq, f.year])).toEqual([[1, 2025]]);
    expect(yuhua!.submitted[0]!.by).toBe('裕华区填报员');
    expect(yuhua!.rounds).toEqual([
      expect.objectContaining({ year: 2023, kind: 'midterm', openedBy: 'h-reviewer' }),
    ]);
    expect(yuhua!.returned).toEqual([]);
    expect(yuhua!.missing.cells).toEqual([]);
  });

  it('a leader sees the lagging binding indicator first, graded as the scorecard grades it', async () => {
    const home = await as('leader').home.tasks({ year: 2023 });
    const card = await as('leader').scorecard.district({ district: YUHUA, year: 2023 });
    const row = card.indicators.find((i) => i.seq === 16)!;
    expect(row.bindingWarning).toBe(true);
    expect(['lagging', 'seriously_lagging']).toContain(row.status);
    expect(home.warnings[0]).toMatchObject({ district: YUHUA, seq: 16, status: row.status });
    expect(home.warnings.map((w) => w.seq).sort((a, b) => a - b)).toEqual(
      card.summary.bindingWarnings,
    );
    expect(home.districts).toEqual([]);
  });

  it('an administrator sees figures awaiting review and warnings without a 牵头单位', async () => {
    await as('admin').plans.setLeadDepartment({
      district: YUHUA,
      seq: 16,
      leadDepartment: '区生态环境分局',
    });
    const home = await as('admin').home.tasks({ year: 2023 });
    expect(home.only).toBeNull();
    expect(home.districts.find((d) => d.code === YUHUA)?.rounds).toHaveLength(1);
    expect(home.warnings.some((w) => w.seq === 16 && w.district === YUHUA)).toBe(false);
    expect(home.warnings.every((w) => w.leadDepartment === null)).toBe(true);
  });

  it('a user of another district sees none of it', async () => {
    const official = await as('qOfficial').home.tasks();
    expect(official.districts.map((d) => d.code)).toEqual([QIAOXI]);
    expect(official.districts[0]!.returned).toEqual([]);
    expect(official.districts[0]!.drafts).toEqual([]);
    const reviewer = await as('qReviewer').home.tasks();
    expect(reviewer.districts).toEqual([]);
    const leader = await as('qLeader').home.tasks({ year: 2023 });
    expect(leader.warnings.every((w) => w.district === QIAOXI)).toBe(true);
  });

  it('a period no district in scope has a plan of is NOT_FOUND', async () => {
    await expect(as('official').home.tasks({ period: '2026-2030' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
