import { afterEach, describe, expect, it } from 'vitest';
import { entryGrid } from '@pm/core';
import { grid, plan, stored } from './fixture';
import {
  chosen,
  legacyStorageKey,
  loadEdits,
  patchGrid,
  readEdit,
  reverted,
  storageKey,
  storeEdits,
  typed,
  type Edit,
} from './edits';

const rows = grid.groups.flatMap((g) => g.rows);
const row = (seq: number) => rows.find((r) => r.indicator.seq === seq)!;

function edit(seq: number, text?: string, rest: Partial<Edit> = {}): Edit {
  return {
    seq,
    kind: 'actual',
    base: null,
    rev: 1,
    status: 'pending',
    ...(text === undefined ? {} : { text }),
    ...rest,
  };
}
const read = (seq: number, e: Edit) =>
  readEdit(e, row(seq), row(seq).actual!, grid.changeThreshold);

describe('an edit', () => {
  it('starts from the version of the stored figure and counts keystrokes', () => {
    const one = typed(
      {},
      { seq: 18, kind: 'actual', stored: row(18).actual!.stored },
      'value',
      '5',
    );
    const two = typed(
      one,
      { seq: 18, kind: 'actual', stored: row(18).actual!.stored },
      'value',
      '56',
    );
    expect(two['18:actual']).toMatchObject({ text: '56', base: 2, rev: 2, status: 'pending' });
  });

  it('typing again clears a failure and makes it pending', () => {
    const failed = {
      '4:actual': edit(4, 'x', {
        status: 'failed',
        failure: { key: null, params: {}, message: 'x' },
      }),
    };
    const again = typed(failed, { seq: 4, kind: 'actual', stored: null }, 'value', '64');
    expect(again['4:actual']).toEqual(edit(4, '64', { rev: 2 }));
  });
});

describe('reading an edit with the rules of core', () => {
  it('a word is invalid; a % sign is refused where the unit is not %', () => {
    expect(read(4, edit(4, '六十'))).toEqual({ kind: 'invalid', error: 'not_a_number' });
    expect(read(4, edit(4, '60%'))).toEqual({ kind: 'invalid', error: 'percent_not_unit' });
  });

  it('a figure far from last year’s needs a reason; with one it is ready', () => {
    expect(read(4, edit(4, '1,000'))).toMatchObject({
      kind: 'concerns',
      concerns: [{ code: 'change', previous: 62 }],
    });
    expect(read(4, edit(4, '1,000', { reason: '口径调整' }))).toEqual({
      kind: 'ready',
      value: 1000,
    });
    expect(read(4, edit(4, '６５'))).toEqual({ kind: 'ready', value: 65 });
  });

  it('blanking a stored figure removes it; a note alone waits for a figure', () => {
    expect(read(18, edit(18, ''))).toMatchObject({ kind: 'remove', stored: { value: 560 } });
    expect(read(4, edit(4, undefined, { note: '含新认定' }))).toEqual({ kind: 'waiting' });
    expect(read(4, edit(4, ''))).toEqual({ kind: 'nothing' });
  });

  it('a note on a stored figure is ready with that figure', () => {
    expect(read(18, edit(18, undefined, { note: '快报数' }))).toEqual({
      kind: 'ready',
      value: 560,
    });
  });
});

describe('the comparator of an assigned target', () => {
  const withTarget = entryGrid(
    plan,
    [stored(16, 2024, 70, { kind: 'assigned_target', comparator: 'at_most', version: 2 })],
    2024,
  );
  const air = (g: typeof grid) =>
    g.groups.flatMap((x) => x.rows).find((r) => r.indicator.seq === 16)!;
  const readTarget = (g: typeof grid, e: Edit) =>
    readEdit(e, air(g), air(g).assigned!, g.changeThreshold);

  it('chosen alone, it is ready with the stored target, or waits for one', () => {
    const cell = {
      seq: 16,
      kind: 'assigned_target' as const,
      stored: air(withTarget).assigned!.stored,
    };
    const edits = chosen({}, cell, 'below');
    expect(edits['16:assigned_target']).toMatchObject({ comparator: 'below', base: 2, rev: 1 });
    expect(readTarget(withTarget, edits['16:assigned_target']!)).toEqual({
      kind: 'ready',
      value: 70,
    });
    const none = chosen({}, { ...cell, stored: null }, 'below')['16:assigned_target']!;
    expect(readTarget(grid, none)).toEqual({ kind: 'waiting' });
  });

  it('taking it back leaves the target typed, or drops an edit of nothing else', () => {
    const cell = { seq: 16, kind: 'assigned_target' as const, stored: null };
    const both = typed(chosen({}, cell, 'above'), cell, 'value', '72');
    expect(reverted(both, '16:assigned_target', 'comparator')['16:assigned_target']).toMatchObject({
      text: '72',
    });
    expect(reverted(chosen({}, cell, 'above'), '16:assigned_target', 'comparator')).toEqual({});
  });
});

describe('the grid after a save', () => {
  it('shows the saved figure in its cell', () => {
    const saved = stored(4, 2024, 64, { version: 1 });
    const after = patchGrid(grid, { seq: 4, kind: 'actual', year: 2024 }, saved);
    expect(
      after.groups.flatMap((g) => g.rows).find((r) => r.indicator.seq === 4)?.actual?.stored,
    ).toBe(saved);
    expect(patchGrid(grid, { seq: 4, kind: 'actual', year: 2023 }, saved)).toBe(grid);
  });
});

describe('edits kept in the browser', () => {
  afterEach(() => localStorage.clear());

  it('survive a reload, per user, district, plan and year, and go when empty', () => {
    const key = storageKey('official', '130108', '2021-2025', 2024);
    storeEdits(key, { '4:actual': edit(4, '64') });
    expect(loadEdits(key)).toEqual({ '4:actual': edit(4, '64') });
    expect(loadEdits(storageKey('other', '130108', '2021-2025', 2024))).toEqual({});
    storeEdits(key, {});
    expect(localStorage.getItem(key)).toBeNull();
  });

  it('the year shared by two plans keeps their edits apart', () => {
    const ending = storageKey('official', '130108', '2021-2025', 2025);
    const starting = storageKey('official', '130108', '2026-2030', 2025);
    storeEdits(ending, { '4:actual': edit(4, '64') });
    expect(loadEdits(starting)).toEqual({});
  });

  it('edits kept before plans had periods are taken over once, by the plan given them', () => {
    const legacy = legacyStorageKey('official', '130108', 2025);
    const key = storageKey('official', '130108', '2021-2025', 2025);
    localStorage.setItem(legacy, JSON.stringify({ '4:actual': edit(4, '64') }));
    expect(loadEdits(key, legacy)).toEqual({ '4:actual': edit(4, '64') });
    expect(localStorage.getItem(legacy)).toBeNull();
    expect(loadEdits(key)).toEqual({ '4:actual': edit(4, '64') });
  });

  it('something unreadable is no edits', () => {
    localStorage.setItem('k', '{broken');
    expect(loadEdits('k')).toEqual({});
  });
});
