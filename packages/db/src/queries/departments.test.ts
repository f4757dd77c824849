import { beforeAll, expect, it } from 'vitest';
import type { PlanFile } from '@pm/core';
import { builtInPlans } from '../seed/builtin';
import { describeDb } from '../testing';
import { setLeadDepartment } from './departments';
import { listDistrictPlans } from './periods';
import { exportPlan, importPlan, keptLeadDepartment } from './plans';
import { listPlanEvents, RevisionError } from './revisions';
import { listPlanVersions } from './scorecard';

const YUHUA = '130108';
const yuhua = builtInPlans().find((p) => p.district.code === YUHUA)!;

const named = (file: PlanFile, seq: number, leadDepartment: string | null): PlanFile => ({
  ...file,
  indicators: file.indicators.map((i) => (i.seq === seq ? { ...i, leadDepartment } : i)),
});

describeDb('牵头单位 (lead departments)', (get) => {
  let planId = 0;
  beforeAll(async () => {
    await importPlan(get().db, yuhua);
    planId = (await listDistrictPlans(get().db, YUHUA)).at(-1)?.id ?? 0;
  });

  it('names the department and records who, when, before and after; the same name again records nothing', async () => {
    const { db } = get();
    const version = async () =>
      (await listPlanVersions(db, [YUHUA])).find((d) => d.planId === planId)?.version;
    const before = await version();
    const first = await setLeadDepartment(db, planId, 3, '区科技局', 'admin');
    expect(first.changed).toBe(true);
    expect(first.indicator.leadDepartment).toBe('区科技局');
    const second = await setLeadDepartment(db, planId, 3, '区发改局', 'admin2');
    expect(second.indicator.leadDepartment).toBe('区发改局');
    expect((await setLeadDepartment(db, planId, 3, '区发改局', 'admin')).changed).toBe(false);
    const events = await listPlanEvents(db, planId, 3);
    expect(events.map((e) => [e.kind, e.by, e.detail])).toEqual([
      ['lead_department_set', 'admin2', { before: '区科技局', after: '区发改局' }],
      ['lead_department_set', 'admin', { before: null, after: '区科技局' }],
    ]);
    expect(events[0]!.at.getTime()).toBeGreaterThanOrEqual(events[1]!.at.getTime());
    // Cached lean indicators carry the department: the plan's version moves on.
    expect(await version()).not.toBe(before);
    expect((await exportPlan(db, YUHUA))?.indicators.find((i) => i.seq === 3)?.leadDepartment).toBe(
      '区发改局',
    );
  });

  it('refuses an indicator the plan does not have, and a plan that does not exist', async () => {
    const { db } = get();
    await expect(setLeadDepartment(db, planId, 999, '区科技局', 'admin')).rejects.toMatchObject({
      reason: 'unknown_seq',
    });
    await expect(setLeadDepartment(db, 987654, 1, '区科技局', 'admin')).rejects.toBeInstanceOf(
      RevisionError,
    );
  });

  it('an import keeps a department named in the app since the file was written', async () => {
    const { db } = get();
    await setLeadDepartment(db, planId, 5, '区教育局', 'admin');
    const before = (await exportPlan(db, YUHUA))!;
    await setLeadDepartment(db, planId, 5, '区教育和体育局', 'admin');
    // The file without departments, and the file of before the change: neither undoes it.
    await importPlan(db, yuhua);
    await importPlan(db, before);
    const dept = async (seq: number) =>
      (await exportPlan(db, YUHUA))?.indicators.find((i) => i.seq === seq)?.leadDepartment;
    expect(await dept(5)).toBe('区教育和体育局');
    // A file naming a new department sets it.
    await importPlan(db, named(yuhua, 5, '区卫健局'));
    await importPlan(db, named(yuhua, 6, '区住建局'));
    expect(await dept(5)).toBe('区卫健局');
    expect(await dept(6)).toBe('区住建局');
  });
});

it('keptLeadDepartment: the file’s name unless it is none or one the app replaced', () => {
  const replaced = new Set(['区教育局']);
  expect(keptLeadDepartment('区教体局', null, replaced)).toBe('区教体局');
  expect(keptLeadDepartment('区教体局', '区教育局', replaced)).toBe('区教体局');
  expect(keptLeadDepartment('区教体局', '区卫健局', replaced)).toBe('区卫健局');
  expect(keptLeadDepartment(null, '区教育局', replaced)).toBe('区教育局');
});
