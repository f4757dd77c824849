import { describe, expect, it } from 'vitest';
import { completeness } from './completeness';
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
});
