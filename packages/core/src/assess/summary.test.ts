import { describe, expect, it } from 'vitest';
import { summarize } from './summary';
import { assess, indicator } from './test-support';

describe('summarize', () => {
  it('has no share on track when nothing is assessed', () => {
    const monitored = assess(indicator({ form: 'monitor' }), []);
    const s = summarize([monitored], 2023);
    expect(s.assessed).toBe(0);
    expect(s.shareOnTrack).toBeNull();
    expect(summarize([], 2023).shareOnTrack).toBeNull();
  });

  it('keeps any category name as a plain key', () => {
    const odd = assess(indicator({ form: 'monitor' }, { category: '__proto__' }), []);
    const s = summarize([odd], 2023);
    expect(Object.keys(s.byCategory)).toEqual(['__proto__']);
    expect(s.byCategory['__proto__']?.not_assessed).toBe(1);
  });
});
