import { describe, expect, it } from 'vitest';
import { valueStateSchema } from '../plan';
import { mayRemove, nextState, type ValueAction } from './workflow';

describe('the review workflow', () => {
  it.each([
    ['save', null, 'draft'],
    ['save', 'draft', 'draft'],
    ['save', 'returned', 'draft'],
    ['save', 'submitted', null],
    ['withdraw', 'submitted', 'draft'],
    ['withdraw', 'draft', null],
    ['withdraw', 'approved', null],
    ['save', 'approved', null],
    ['submit', 'draft', 'submitted'],
    ['submit', 'returned', 'submitted'],
    ['submit', 'submitted', null],
    ['submit', 'approved', null],
    ['approve', 'submitted', 'approved'],
    ['approve', 'draft', null],
    ['approve', 'approved', null],
    ['return', 'submitted', 'returned'],
    ['return', 'approved', null],
    ['reopen', 'approved', 'returned'],
    ['reopen', 'submitted', null],
  ] as const)('%s on %s → %s', (action, from, to) => {
    expect(nextState(action, from)).toBe(to);
  });

  it('an approved value is locked: only reopen moves it', () => {
    const actions: ValueAction[] = ['save', 'submit', 'approve', 'return', 'reopen'];
    expect(actions.filter((a) => nextState(a, 'approved') !== null)).toEqual(['reopen']);
  });

  it('only a draft nobody saw submitted may be removed', () => {
    expect(valueStateSchema.options.filter((s) => mayRemove(s, false))).toEqual(['draft']);
    expect(mayRemove('draft', true)).toBe(false);
  });
});
