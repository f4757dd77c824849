import { describe, expect, it } from 'vitest';
import { reviewChanges, reviewTransition, type ValueChange } from './changes';
import { plan, stored } from './test-support';

const change = (
  seq: number,
  year: number,
  value: number | string,
  rest: Partial<ValueChange> = {},
) => ({ seq, year, kind: 'actual', value, version: null, ...rest }) as ValueChange;

describe('reviewChanges', () => {
  it('a new figure is a draft write', () => {
    const { writes, problems } = reviewChanges(
      plan,
      [],
      [change(4, 2021, '54', { source: ' 统计公报 ' })],
    );
    expect(problems).toEqual([]);
    expect(writes).toEqual([
      {
        index: 0,
        current: null,
        seq: 4,
        year: 2021,
        kind: 'actual',
        value: 54,
        comparator: null,
        state: 'draft',
        source: '统计公报',
        note: null,
        reason: null,
      },
    ]);
  });

  it('an edit of a returned figure goes back to draft', () => {
    const returned = stored(4, 2021, 54, { state: 'returned', version: 3 });
    const { writes } = reviewChanges(plan, [returned], [change(4, 2021, 55, { version: 3 })]);
    expect(writes.map((w) => [w.current?.id, w.state])).toEqual([[returned.id, 'draft']]);
  });

  it('a submitted figure is locked until it is withdrawn: an edit is refused, nothing written', () => {
    const submitted = stored(4, 2022, 58, { state: 'submitted', version: 2 });
    expect(reviewChanges(plan, [submitted], [change(4, 2022, 59, { version: 2 })])).toEqual({
      writes: [],
      problems: [{ index: 0, code: 'submitted' }],
    });
    const note = reviewChanges(plan, [submitted], [change(4, 2022, 58, { version: 2, note: 'x' })]);
    expect(note.problems).toEqual([{ index: 0, code: 'submitted' }]);
  });

  it('a stale version is a conflict that carries the stored figure', () => {
    const now = stored(4, 2021, 56, { version: 2, updatedBy: 'other' });
    expect(reviewChanges(plan, [now], [change(4, 2021, 55, { version: 1 })]).problems).toEqual([
      { index: 0, code: 'stale', current: now },
    ]);
    expect(reviewChanges(plan, [now], [change(4, 2021, 55)]).problems).toEqual([
      { index: 0, code: 'stale', current: now },
    ]);
    expect(reviewChanges(plan, [], [change(4, 2021, 55, { version: 1 })]).problems).toEqual([
      { index: 0, code: 'stale', current: null },
    ]);
  });

  it('saving what is stored already is no write, whatever version was seen', () => {
    const now = stored(4, 2021, 56, { version: 2 });
    expect(reviewChanges(plan, [now], [change(4, 2021, '56', { version: 1 })])).toEqual({
      writes: [],
      problems: [],
    });
  });

  it('an approved figure is locked', () => {
    const now = stored(4, 2021, 56, { state: 'approved', version: 2 });
    expect(reviewChanges(plan, [now], [change(4, 2021, 57, { version: 2 })]).problems).toEqual([
      { index: 0, code: 'locked' },
    ]);
  });

  it('a fraction of a count is refused naming the indicator and unit; a decimal in 亿元 is kept', () => {
    const { writes, problems } = reviewChanges(
      plan,
      [],
      [change(4, 2021, '12.5'), change(4, 2022, 12.5), change(18, 2021, '400.5')],
    );
    expect(writes).toEqual([]);
    expect(problems).toEqual([
      { index: 0, code: 'not_whole', seq: 4, name: '市级以上创新平台', unit: '个', text: '12.5' },
      { index: 1, code: 'not_whole', seq: 4, name: '市级以上创新平台', unit: '个', text: '12.5' },
    ]);
    expect(reviewChanges(plan, [], [change(18, 2021, '400.5')]).writes).toHaveLength(1);
    expect(reviewChanges(plan, [], [change(4, 2021, '54')]).writes).toHaveLength(1);
  });

  it('a bad number, a blank, a wrong cell and an unknown indicator are each a problem', () => {
    const { writes, problems } = reviewChanges(
      plan,
      [],
      [
        change(4, 2021, 'abc'),
        change(4, 2021, '5%'),
        change(4, 2022, '  '),
        change(99, 2021, 1),
        change(4, 2019, 1),
        change(4, 2020, 50),
        change(4, 2021, 1, { kind: 'assigned_target' }),
        change(16, 2020, 1, { kind: 'assigned_target' }),
        change(18, 2021, 400, { source: 'demo' }),
        change(18, 2022, 420),
      ],
    );
    expect(writes).toEqual([]);
    expect(problems).toEqual([
      { index: 0, code: 'bad_number', error: 'not_a_number', text: 'abc' },
      { index: 1, code: 'bad_number', error: 'percent_not_unit', text: '5%' },
      { index: 2, code: 'empty' },
      { index: 3, code: 'unknown_indicator', seq: 99 },
      { index: 4, code: 'bad_year', first: 2020, last: 2025 },
      { index: 5, code: 'printed_baseline' },
      { index: 6, code: 'not_assigned' },
      { index: 7, code: 'not_assigned' },
      { index: 8, code: 'reserved_source' },
    ]);
  });

  it('an assigned target keeps its own comparator; the plan’s is stored as none', () => {
    const target = (value: number, rest: Partial<ValueChange> = {}) =>
      change(16, 2021, value, { kind: 'assigned_target', ...rest });
    const { writes } = reviewChanges(
      plan,
      [],
      [
        target(70, { comparator: 'at_most' }),
        { ...target(71), year: 2022, comparator: 'at_least' },
      ],
    );
    expect(writes.map((w) => [w.year, w.comparator])).toEqual([
      [2021, 'at_most'],
      [2022, null],
    ]);
  });

  it('changing only the comparator is a change; leaving it out keeps the stored one', () => {
    const now = stored(16, 2021, 70, {
      kind: 'assigned_target',
      comparator: 'at_most',
      version: 2,
    });
    const target = (rest: Partial<ValueChange>) =>
      change(16, 2021, 70, { kind: 'assigned_target', version: 2, ...rest });
    expect(reviewChanges(plan, [now], [target({ comparator: 'below' })]).writes).toMatchObject([
      { current: now, value: 70, comparator: 'below' },
    ]);
    expect(reviewChanges(plan, [now], [target({ comparator: null })]).writes).toMatchObject([
      { comparator: null },
    ]);
    expect(reviewChanges(plan, [now], [target({})]).writes).toEqual([]);
    expect(reviewChanges(plan, [now], [target({ comparator: 'at_most' })]).writes).toEqual([]);
    expect(reviewChanges(plan, [now], [{ ...target({}), value: 72 }]).writes[0]?.comparator).toBe(
      'at_most',
    );
  });

  it('a stored comparator that is the plan’s is no change when given again as none', () => {
    const demo = stored(16, 2021, 70, { kind: 'assigned_target', comparator: 'at_least' });
    const again = change(16, 2021, 70, { kind: 'assigned_target', version: 1, comparator: null });
    expect(reviewChanges(plan, [demo], [again]).writes).toEqual([]);
  });

  it('an actual has no comparator', () => {
    expect(
      reviewChanges(plan, [], [change(16, 2021, 70, { comparator: 'at_least' })]).problems,
    ).toEqual([{ index: 0, code: 'comparator_on_actual' }]);
    expect(reviewChanges(plan, [], [change(16, 2021, 70, { comparator: null })]).problems).toEqual(
      [],
    );
  });

  it('the same cell twice is a problem', () => {
    expect(reviewChanges(plan, [], [change(4, 2021, 54), change(4, 2021, 55)]).problems).toEqual([
      { index: 1, code: 'duplicate', first: 0 },
    ]);
  });

  it('a far-off figure needs a reason; with one it is written and the reason kept', () => {
    const last = stored(4, 2021, 54, { state: 'approved' });
    const far = change(4, 2022, 90);
    expect(reviewChanges(plan, [last], [far]).problems).toEqual([
      {
        index: 0,
        code: 'needs_reason',
        concerns: [{ code: 'change', previous: 54, change: 36 / 54, threshold: 0.5 }],
      },
    ]);
    const { writes } = reviewChanges(plan, [last], [{ ...far, reason: '新认定 30 个平台' }]);
    expect(writes[0]).toMatchObject({ value: 90, reason: '新认定 30 个平台' });
  });

  it('the first year after B is compared with the printed baseline', () => {
    expect(reviewChanges(plan, [], [change(4, 2021, 80)]).problems[0]).toMatchObject({
      code: 'needs_reason',
      concerns: [{ code: 'change', previous: 50 }],
    });
  });

  it('figures of the same batch are compared with each other (imports of several years)', () => {
    const { problems } = reviewChanges(
      plan,
      [],
      [change(18, 2020, 400), change(18, 2021, 420), change(18, 2022, 900)],
    );
    expect(problems).toEqual([
      {
        index: 2,
        code: 'needs_reason',
        concerns: [{ code: 'change', previous: 420, change: 480 / 420, threshold: 0.5 }],
      },
    ]);
  });

  it('a changed note or source alone is a write without a reason', () => {
    const last = stored(4, 2021, 54);
    const now = stored(4, 2022, 90, { version: 4 });
    const { writes, problems } = reviewChanges(
      plan,
      [last, now],
      [change(4, 2022, '90', { version: 4, note: '含新认定平台' })],
    );
    expect(problems).toEqual([]);
    expect(writes[0]).toMatchObject({ value: 90, note: '含新认定平台', reason: null });
  });

  it('a new figure over an illustrative one drops the demo labels', () => {
    const demo = stored(4, 2022, 58, {
      state: 'draft',
      source: 'demo',
      note: '演示数据',
      demo: true,
    });
    const { writes } = reviewChanges(plan, [demo], [change(4, 2022, 59, { version: 1 })]);
    expect(writes[0]).toMatchObject({ source: null, note: null });
  });

  it('a real figure whose source reads "demo" is not illustrative: its labels stay', () => {
    const real = stored(4, 2022, 58, { state: 'draft', source: 'demo', note: '统计局' });
    const { writes } = reviewChanges(plan, [real], [change(4, 2022, 59, { version: 1 })]);
    expect(writes[0]).toMatchObject({ source: 'demo', note: '统计局' });
  });

  it.each([' demo ', 'DEMO', 'Demo', 'ｄｅｍｏ'])(
    'the source %j is reserved, however spelled',
    (source) => {
      expect(reviewChanges(plan, [], [change(18, 2021, 400, { source })]).problems).toEqual([
        { index: 0, code: 'reserved_source' },
      ]);
    },
  );

  it.each([1e308, -1e308, 5e-324, '1' + '0'.repeat(20)])('%j is out of range', (value) => {
    expect(reviewChanges(plan, [], [change(18, 2021, value)]).problems).toEqual([
      { index: 0, code: 'bad_number', error: 'out_of_range', text: String(value) },
    ]);
  });

  it.each([1e308, 5e-324])('an assigned target of %d is out of range too', (value) => {
    expect(
      reviewChanges(plan, [], [change(16, 2021, value, { kind: 'assigned_target' })]).problems,
    ).toEqual([{ index: 0, code: 'bad_number', error: 'out_of_range', text: String(value) }]);
  });

  it('an export of illustrative figures imports back as no change', () => {
    const demo = stored(4, 2022, 58, {
      state: 'approved',
      source: 'demo',
      note: '演示数据',
      demo: true,
    });
    expect(
      reviewChanges(
        plan,
        [demo],
        [
          {
            seq: 4,
            year: 2022,
            kind: 'actual',
            value: 58,
            source: 'demo',
            note: '演示数据',
            state: 'approved',
          },
        ],
      ),
    ).toEqual({ writes: [], problems: [] });
  });

  it('imports name the state and need no version', () => {
    const draft = stored(4, 2021, 54);
    const { writes } = reviewChanges(
      plan,
      [draft],
      [{ seq: 4, year: 2021, kind: 'actual', value: 55, state: 'approved' }],
    );
    expect(writes[0]).toMatchObject({ current: draft, state: 'approved' });
  });

  it('assigned targets are entered for assigned indicators after B and compared with last year’s', () => {
    const last = stored(16, 2022, 66, { kind: 'assigned_target' });
    const { writes, problems } = reviewChanges(
      plan,
      [last],
      [
        change(16, 2023, 70, { kind: 'assigned_target' }),
        change(16, 2023, 120, { kind: 'actual' }),
      ],
    );
    expect(writes).toEqual([]);
    expect(problems).toEqual([
      { index: 1, code: 'needs_reason', concerns: [{ code: 'over_100' }] },
    ]);
  });
});

describe('reviewTransition', () => {
  const draft = stored(4, 2023, 62, { version: 2 });
  const submitted = stored(16, 2023, 66, { state: 'submitted', version: 3 });
  const approved = stored(1, 2023, 6.1, { state: 'approved', version: 4 });
  const otherYear = stored(4, 2022, 58, { state: 'submitted' });
  const all = [draft, submitted, approved, otherYear];

  it('a year moves every value the action fits, and leaves the rest', () => {
    expect(reviewTransition('submit', all, { year: 2023 }).moves).toEqual([
      { value: draft, state: 'submitted' },
    ]);
    expect(reviewTransition('approve', all, { year: 2023 }).moves).toEqual([
      { value: submitted, state: 'approved' },
    ]);
    expect(reviewTransition('reopen', all, { year: 2022 }).moves).toEqual([]);
  });

  it('listed cells must exist, be at the version seen, and fit the action', () => {
    expect(
      reviewTransition('approve', all, {
        cells: [
          { id: submitted.id, version: 3 },
          { id: draft.id, version: 2 },
          { id: approved.id, version: 1 },
          { id: 9999, version: 1 },
        ],
      }),
    ).toEqual({
      moves: [],
      problems: [
        { id: draft.id, code: 'wrong_state', state: 'draft' },
        { id: approved.id, code: 'stale', current: approved },
        { id: 9999, code: 'not_found' },
      ],
    });
    expect(
      reviewTransition('reopen', all, { cells: [{ id: approved.id, version: 4 }] }).moves,
    ).toEqual([{ value: approved, state: 'returned' }]);
  });
});
