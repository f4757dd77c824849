import type { TRPCError } from '@trpc/server';
import { builtInPlans, importPlan, seedDemoValues } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../reports/testing';
import { callerFor, testUser } from '../testing';
import type { DomainError } from '../errors';

const YUHUA = '130108';
const yuhua = builtInPlans().find((p) => p.district.code === YUHUA)!;

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as TRPCError,
  );
const causeOf = (e: TRPCError | null) => e?.cause as DomainError | undefined;

describeDb('plans.setLeadDepartment (牵头单位)', (get) => {
  beforeAll(async () => {
    await importPlan(get().db, yuhua);
  });
  const admin = async () => callerFor(get().db, await testUser(get().db, 'root', 'admin', 'all'));
  const as = async (role: 'reviewer' | 'official' | 'leader') =>
    callerFor(get().db, await testUser(get().db, role, role, [YUHUA]));
  const set = (leadDepartment: string, seq = 1) => ({
    district: YUHUA,
    period: '2021-2025' as const,
    seq,
    leadDepartment,
  });
  const departmentOf = async (seq: number) =>
    (await (await admin()).plans.export({ district: YUHUA, period: '2021-2025' })).indicators.find(
      (i) => i.seq === seq,
    )?.leadDepartment;

  it('only an administrator; every other role is refused and nothing changes', async () => {
    for (const role of ['reviewer', 'official', 'leader'] as const) {
      const error = await failure((await as(role)).plans.setLeadDepartment(set('区发改局')));
      expect(error?.code, role).toBe('FORBIDDEN');
    }
    expect(await departmentOf(1)).toBeNull();
  });

  it('names the department, trimmed, and the plan’s audit says who, when, before and after', async () => {
    const api = await admin();
    const made = await api.plans.setLeadDepartment(set('  区发展和改革局 '));
    expect(made).toMatchObject({ seq: 1, leadDepartment: '区发展和改革局', changed: true });
    expect(await departmentOf(1)).toBe('区发展和改革局');
    await api.plans.setLeadDepartment(set('区统计局'));
    const { events } = await api.plans.events({ district: YUHUA, period: '2021-2025', seq: 1 });
    expect(events.map((e) => [e.kind, e.by, e.detail])).toEqual([
      ['lead_department_set', 'root', { before: '区发展和改革局', after: '区统计局' }],
      ['lead_department_set', 'root', { before: null, after: '区发展和改革局' }],
    ]);
    expect(events[0]!.at).toBeInstanceOf(Date);
    // The scorecard names it.
    const card = await api.scorecard.district({ district: YUHUA, period: '2021-2025' });
    expect(card.indicators.find((i) => i.seq === 1)?.leadDepartment).toBe('区统计局');
  });

  it('a round’s report names the department of a lagging binding indicator', async () => {
    const { db } = get();
    await seedDemoValues(db, YUHUA, 2023);
    await (await admin()).plans.setLeadDepartment(set('区生态环境分局', 17));
    const reviewer = await as('reviewer');
    const round = await reviewer.evaluations.open({
      district: YUHUA,
      period: '2021-2025',
      year: 2023,
    });
    const view = await reviewer.evaluations.get({ district: YUHUA, round: round.id });
    const pm25 = view.items.find((i) => i.seq === 17);
    expect(pm25).toMatchObject({ leadDepartment: '区生态环境分局', bindingWarning: true });
    const file = await reviewer.evaluations.export({
      district: YUHUA,
      round: round.id,
      format: 'docx',
    });
    expect(docxText(Buffer.from(file.base64, 'base64'))).toContain('区生态环境分局');
  });

  describe('what it refuses, in words the form shows', () => {
    it.each([
      ['an empty name', '   ', 'departments.missing'],
      ['a name over 100 characters', '局'.repeat(101), 'departments.tooLong'],
    ])('%s', async (_, typed, key) => {
      const before = await departmentOf(2);
      const error = await failure((await admin()).plans.setLeadDepartment(set(typed, 2)));
      expect(error?.code).toBe('BAD_REQUEST');
      expect(causeOf(error)?.key).toBe(key);
      expect(causeOf(error)?.params).toMatchObject({ field: 'leadDepartment', max: 100 });
      expect(await departmentOf(2)).toBe(before);
    });

    it('an indicator the plan does not have', async () => {
      const error = await failure((await admin()).plans.setLeadDepartment(set('区发改局', 99)));
      expect(error?.code).toBe('NOT_FOUND');
      expect(causeOf(error)?.key).toBe('revisions.unknownSeq');
    });
  });
});
