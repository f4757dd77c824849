import { describe, expect, it } from 'vitest';
import { GRADES, isBindingWarning, isGraded, NOT_GRADED, ON_TRACK, STATUSES } from './status';

describe('statuses', () => {
  it('the grades of both phases and the ungraded statuses make up every status, once', () => {
    const all = new Set([...GRADES.progress, ...GRADES.end, ...NOT_GRADED]);
    expect([...all].sort()).toEqual([...STATUSES].sort());
    expect(GRADES.progress).toEqual([
      'achieved',
      'ahead',
      'on_track',
      'lagging',
      'seriously_lagging',
    ]);
    expect(GRADES.end).toEqual(['achieved', 'basically_achieved', 'not_achieved']);
  });

  it('a status is graded exactly when it is not one of the ungraded', () => {
    for (const s of STATUSES) expect(isGraded(s)).toBe(!NOT_GRADED.includes(s));
  });

  it('on track counts 提前实现, 快于预期, 基本符合预期, 完成 and 基本完成 (spec §5)', () => {
    expect(ON_TRACK).toEqual(['achieved', 'ahead', 'on_track', 'basically_achieved']);
  });

  it('a binding warning is a binding indicator lagging, seriously lagging, not achieved or without data', () => {
    const warned = STATUSES.filter((s) => isBindingWarning('binding', s));
    expect(warned).toEqual(['lagging', 'seriously_lagging', 'not_achieved', 'no_data']);
    expect(STATUSES.some((s) => isBindingWarning('expected', s))).toBe(false);
  });
});
