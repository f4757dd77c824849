import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../plan';
import { completion, progressStatus, reaches } from './progress';

describe('progress along a path', () => {
  const rising = { start: 50, goal: 70, decreasing: false };
  const falling = { start: 70, goal: 50, decreasing: false };

  it('completion is (a − b) / (T − b) either way, and null when T = b', () => {
    expect(completion(rising, 62)).toBeCloseTo(0.6, 12);
    expect(completion(falling, 58)).toBeCloseTo(0.6, 12);
    expect(completion({ start: 5, goal: 5, decreasing: false }, 6)).toBeNull();
  });

  it('reaches T from below when rising and from above when falling', () => {
    expect([reaches(rising, 70), reaches(rising, 69.9)]).toEqual([true, false]);
    expect([reaches(falling, 50), reaches(falling, 50.1)]).toEqual([true, false]);
  });

  it('the pace is c / τ', () => {
    const p = progressStatus(rising, 62, 0.6, defaultSettings, 'progress');
    expect(p.pace).toBeCloseTo(1, 12);
    expect(p.status).toBe('on_track');
  });

  it('a goal met in an earlier year counts as achieved midway, not at the end', () => {
    expect(progressStatus(rising, 60, 0.6, defaultSettings, 'progress', true).status).toBe(
      'achieved',
    );
    expect(progressStatus(rising, 60, 1, defaultSettings, 'end', true).status).toBe('not_achieved');
  });

  it('a comparator of its own decides whether the goal is met: > 70 is not met at 70', () => {
    const above = { ...rising, meets: (v: number) => v > 70 };
    expect(reaches(above, 70)).toBe(false);
    expect(progressStatus(above, 70, 1, defaultSettings, 'end').status).toBe('basically_achieved');
  });
});
