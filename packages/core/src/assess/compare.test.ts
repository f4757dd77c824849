import { describe, expect, it } from 'vitest';
import type { Comparator } from '../plan';
import { defaultComparator, satisfies, toleranceFor } from './compare';
import { indicator } from './test-support';

describe('satisfies at the bound 4', () => {
  it.each<[Comparator, number, boolean]>([
    ['at_least', 3.9, false],
    ['at_least', 4, true],
    ['at_least', 4.1, true],
    ['above', 3.9, false],
    ['above', 4, false],
    ['above', 4.1, true],
    ['at_most', 3.9, true],
    ['at_most', 4, true],
    ['at_most', 4.1, false],
    ['below', 3.9, true],
    ['below', 4, false],
    ['below', 4.1, false],
  ])('%s 4 with %d is %s', (comparator, value, met) => {
    expect(satisfies(value, comparator, 4, 0)).toBe(met);
  });

  it.each([
    [3.4, false],
    [3.5, true],
    [4.5, true],
    [4.6, false],
  ])('about 4 ±0.5 with %d is %s', (value, met) => {
    expect(satisfies(value, 'about', 4, 0.5)).toBe(met);
  });

  it('gives a tolerance to the value on every comparator', () => {
    expect(satisfies(3.8, 'at_least', 4, 0.2)).toBe(true);
    expect(satisfies(4.1, 'below', 4, 0.2)).toBe(true);
  });

  it('forgives float noise: 0.1 + 0.2 is at most 0.3', () => {
    expect(satisfies(0.1 + 0.2, 'at_most', 0.3, 0)).toBe(true);
  });
});

describe('toleranceFor', () => {
  it('about takes the indicator’s own tolerance, 0 included, else the plan default', () => {
    expect(toleranceFor('about', 0.3, 0.5)).toBe(0.3);
    expect(toleranceFor('about', 0, 0.5)).toBe(0);
    expect(toleranceFor('about', null, 0.5)).toBe(0.5);
  });

  it('the other comparators take the indicator’s own tolerance or none', () => {
    expect(toleranceFor('at_least', 0, 0.5)).toBe(0);
    expect(toleranceFor('at_least', null, 0.5)).toBe(0);
    expect(toleranceFor('at_least', 0.2, 0.5)).toBe(0.2);
    expect(toleranceFor('below', Number.NaN, 0.5)).toBe(0);
  });
});

describe('defaultComparator', () => {
  it('is the indicator’s, else at_most when falling and at_least otherwise', () => {
    expect(defaultComparator(indicator({ form: 'bound', comparator: 'below' }).target)).toBe(
      'below',
    );
    expect(defaultComparator(indicator({ form: 'bound', direction: 'decrease' }).target)).toBe(
      'at_most',
    );
    expect(defaultComparator(indicator({ form: 'bound', direction: 'increase' }).target)).toBe(
      'at_least',
    );
    expect(defaultComparator(indicator({ form: 'bound' }).target)).toBe('at_least');
  });
});
