import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findNul, formatPath, listProblems } from './issues';

describe('input problems', () => {
  it('writes paths as in JavaScript', () => {
    expect(formatPath(['indicators', 4, 'target', 'value'])).toBe('indicators[4].target.value');
    expect(formatPath([0, 'a'])).toBe('[0].a');
    expect(formatPath([])).toBe('');
  });

  it('lists every problem, the root as (root)', () => {
    const schema = z.object({ a: z.number(), b: z.array(z.string()) });
    const result = schema.safeParse({ a: 'x', b: [1] });
    expect(result.success).toBe(false);
    expect(listProblems(result.error!).map((p) => p.path)).toEqual(['a', 'b[0]']);
    expect(listProblems(z.number().safeParse('x').error!)[0]?.path).toBe('(root)');
  });

  it('finds a NUL character in a value or a key, at any depth, and names where', () => {
    expect(findNul({ a: [{ note: 'ok' }, { note: 'x\u0000y' }] })).toBe('a[1].note');
    expect(findNul({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(findNul('\u0000')).toBe('');
    expect(findNul({ a: 'ok', b: [1, null, true, { c: '中文' }] })).toBeNull();
  });
});
