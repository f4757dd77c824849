import { describe, expect, it } from 'vitest';
import { entryGrid, figureChange, targetText } from './grid';
import { plan, stored } from './test-support';

describe('entryGrid', () => {
  it('groups by category in the order the plan first names each, then by seq', () => {
    const grid = entryGrid(plan, [], 2024);
    expect(grid.groups.map((g) => [g.category, g.rows.map((r) => r.indicator.seq)])).toEqual([
      ['经济发展', [1, 18]],
      ['创新驱动', [4]],
      ['绿色转型', [16]],
    ]);
    expect(grid.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(grid.changeThreshold).toBe(0.5);
  });

  it('shows last year, this year and the assigned target with what a change is compared with', () => {
    const last = stored(4, 2023, 62, { state: 'approved' });
    const now = stored(4, 2024, 64);
    const target = stored(16, 2023, 68, { kind: 'assigned_target', state: 'approved' });
    const grid = entryGrid(plan, [last, now, target], 2024);
    const row = (seq: number) =>
      grid.groups.flatMap((g) => g.rows).find((r) => r.indicator.seq === seq)!;
    expect(row(4)).toMatchObject({
      targetText: '2025 年达到 70 个，年均增长 6%',
      baseline: { value: 50, printed: true, stored: null },
      lastYear: { value: 62, stored: last },
      actual: { kind: 'actual', year: 2024, stored: now, previous: 62 },
      assigned: null,
    });
    expect(row(16)).toMatchObject({
      targetText: '达到市要求',
      assigned: { kind: 'assigned_target', stored: null, previous: 68 },
      lastAssigned: target,
    });
  });

  it('year B offers only the baselines the plan did not print', () => {
    const entered = stored(18, 2020, 400);
    const grid = entryGrid(plan, [entered], 2020);
    const rows = grid.groups.flatMap((g) => g.rows);
    expect(rows.filter((r) => r.actual).map((r) => r.indicator.seq)).toEqual([18]);
    expect(rows.find((r) => r.indicator.seq === 18)).toMatchObject({
      baseline: { value: 400, printed: false, stored: entered },
      lastYear: null,
      actual: { stored: entered, previous: null },
    });
  });

  it('the year after B compares with the printed baseline', () => {
    const row = entryGrid(plan, [], 2021).groups[1]!.rows[0]!;
    expect(row.lastYear).toEqual({ value: 50, stored: null });
    expect(row.actual?.previous).toBe(50);
  });

  it('the target text leaves out cells that say nothing', () => {
    expect(targetText({ baseline: '-', target: '-', rate: '6 左右', attribute: null })).toBe(
      '6 左右',
    );
    expect(targetText({ baseline: null, target: '——', rate: null, attribute: null })).toBe('');
  });

  it('a stored figure carries its change, the concerns a reviewer must see and the official’s reason', () => {
    const last = stored(18, 2023, 500, { state: 'approved' });
    const jump = stored(18, 2024, 5000, { state: 'submitted' });
    const rate = stored(1, 2024, 9, { state: 'submitted' });
    const grid = entryGrid(
      plan,
      [last, jump, rate, stored(1, 2023, 6)],
      2024,
      new Map([[jump.id, '统计口径调整']]),
    );
    const row = (seq: number) =>
      grid.groups.flatMap((g) => g.rows).find((r) => r.indicator.seq === seq)!;
    expect(row(18).actual).toMatchObject({
      previous: 500,
      change: { previous: 500, delta: 4500, share: 9 },
      concerns: [{ code: 'change', previous: 500, change: 9, threshold: 0.5 }],
      reason: '统计口径调整',
    });
    expect(row(1).actual).toMatchObject({
      change: { previous: 6, points: 3 },
      reason: null,
    });
    expect(row(4).actual).toMatchObject({ stored: null, change: null, concerns: [], reason: null });
  });
});

describe('figureChange', () => {
  it('a figure in % changes by points, any other relatively; nothing without a previous one', () => {
    expect(figureChange(6.5, 6, '%')).toEqual({ previous: 6, points: 0.5 });
    expect(figureChange(550, 500, '亿元')).toEqual({ previous: 500, delta: 50, share: 0.1 });
    expect(figureChange(3, 0, '个')).toEqual({ previous: 0, delta: 3, share: null });
    expect(figureChange(3, null, '个')).toBeNull();
  });
});
