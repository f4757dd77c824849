import { describe, expect, it } from 'vitest';
import { approvedCompleteness, completeness, requiredCells } from './completeness';
import { plan, stored } from './test-support';

describe('completeness', () => {
  it('counts each indicator by the least advanced of its cells', () => {
    const values = [
      stored(1, 2023, 6.1, { state: 'approved', source: 'demo', demo: true }),
      stored(4, 2023, 62, { state: 'submitted' }),
      stored(16, 2023, 66, { state: 'approved' }),
      stored(16, 2023, 70, { kind: 'assigned_target', state: 'draft' }),
      stored(18, 2022, 500, { state: 'approved' }),
    ];
    expect(completeness(plan, values, 2023)).toEqual({
      year: 2023,
      total: 4,
      counts: { missing: 1, returned: 0, draft: 1, submitted: 1, approved: 1 },
      demo: 1,
      indicators: [
        { seq: 1, state: 'approved', demo: true },
        { seq: 4, state: 'submitted', demo: false },
        { seq: 16, state: 'draft', demo: false },
        { seq: 18, state: 'missing', demo: false },
      ],
      figures: {
        total: 5,
        counts: { missing: 1, returned: 0, draft: 1, submitted: 1, approved: 2 },
      },
    });
  });

  it('a real figure whose source reads "demo" is not illustrative', () => {
    const values = [stored(1, 2023, 6.1, { state: 'approved', source: 'demo' })];
    expect(completeness(plan, values, 2023).demo).toBe(0);
  });

  it('an assigned indicator without its target is missing', () => {
    const values = [stored(16, 2024, 66, { state: 'approved' })];
    expect(completeness(plan, values, 2024).indicators[2]).toEqual({
      seq: 16,
      state: 'missing',
      demo: false,
    });
  });

  it('year B counts only the baselines the plan left blank', () => {
    const result = completeness(plan, [stored(18, 2020, 400, { state: 'returned' })], 2020);
    expect(result.total).toBe(1);
    expect(result.indicators).toEqual([{ seq: 18, state: 'returned', demo: false }]);
  });

  it('counts the figures the year requires, each by its own state, beside the indicators', () => {
    const values = [
      stored(16, 2024, 66, { state: 'draft' }),
      stored(4, 2024, 62, { state: 'draft' }),
    ];
    const result = completeness(plan, values, 2024);
    expect(result.counts).toMatchObject({ draft: 1, missing: 3 });
    expect(result.figures).toEqual({
      total: 5,
      counts: { missing: 3, returned: 0, draft: 2, submitted: 0, approved: 0 },
    });
  });
});

describe('requiredCells', () => {
  it('a year requires every actual and the city-assigned target of 按市下达目标', () => {
    expect(requiredCells(plan, 2023)).toEqual([
      { seq: 1, year: 2023, kind: 'actual' },
      { seq: 4, year: 2023, kind: 'actual' },
      { seq: 16, year: 2023, kind: 'actual' },
      { seq: 16, year: 2023, kind: 'assigned_target' },
      { seq: 18, year: 2023, kind: 'actual' },
    ]);
  });

  it('year B requires only the baselines the plan left blank, and no assigned target', () => {
    expect(requiredCells(plan, 2020)).toEqual([{ seq: 18, year: 2020, kind: 'actual' }]);
  });

  it('a year outside the plan requires nothing', () => {
    expect(requiredCells(plan, 2019)).toEqual([]);
    expect(requiredCells(plan, 2026)).toEqual([]);
  });
});

describe('approvedCompleteness', () => {
  it('an assigned indicator with its actual but not its target is not complete', () => {
    const approved = [
      stored(1, 2023, 6),
      stored(4, 2023, 62),
      stored(16, 2023, 66),
      stored(18, 2023, 500),
    ];
    expect(approvedCompleteness(plan, approved, 2023)).toEqual({
      reported: 3,
      total: 4,
      share: 0.75,
    });
    const withTarget = [...approved, stored(16, 2023, 70, { kind: 'assigned_target' })];
    expect(approvedCompleteness(plan, withTarget, 2023).share).toBe(1);
  });

  it('figures of other years and of indicators outside the plan count for nothing', () => {
    const approved = [stored(1, 2022, 6), stored(99, 2023, 1)];
    expect(approvedCompleteness(plan, approved, 2023)).toEqual({ reported: 0, total: 4, share: 0 });
  });

  it('a year that requires nothing has no share', () => {
    expect(approvedCompleteness(plan, [], 2026)).toEqual({ reported: 0, total: 0, share: null });
  });
});
