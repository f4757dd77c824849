import { describe, expect, it } from 'vitest';
import { atLeast, atMost, finite } from './numbers';

describe('finite', () => {
  it('keeps finite numbers and turns the rest into null', () => {
    expect(finite(-0.5)).toBe(-0.5);
    expect([finite(Number.NaN), finite(Infinity), finite(null), finite(undefined)]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('atLeast / atMost', () => {
  it('forgive float noise of a computed figure but not a real difference', () => {
    expect(atLeast(0.38 / 0.4, 0.95)).toBe(true);
    expect(atLeast(0.9499, 0.95)).toBe(false);
    expect(atMost(0.1 + 0.2, 0.3)).toBe(true);
    expect(atMost(0.3001, 0.3)).toBe(false);
  });
});
