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
    const p = progressStatus(rising, 62, 0.6, defaultSettings);
    expect(p.pace).toBeCloseTo(1, 12);
    expect(p.status).toBe('on_track');
  });
});
