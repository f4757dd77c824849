import { describe, expect, it } from 'vitest';
import { formResult } from './form';
import { indicator } from './test-support';

describe('formResult', () => {
  it('fills the measures not given with null and turns non-finite numbers into null', () => {
    const r = formResult(indicator({ form: 'level' }), 'on_track', { zh: '', en: '' }, [], {
      completion: Number.NaN,
      pace: Infinity,
      target: 3,
    });
    expect(r.completion).toBeNull();
    expect(r.pace).toBeNull();
    expect(r.target).toBe(3);
    expect(r.projection).toBeNull();
    expect(r.averageRate).toBeNull();
  });
});
