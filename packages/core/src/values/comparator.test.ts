import { describe, expect, it } from 'vitest';
import { indicator } from '../assess/test-support';
import {
  comparatorInForce,
  comparatorInputSchema,
  ownComparator,
  readComparator,
} from './comparator';

describe('readComparator', () => {
  it.each([
    ['about', 'about'],
    ['at_least', 'at_least'],
    [' At Least ', 'at_least'],
    ['at-most', 'at_most'],
    ['左右', 'about'],
    ['不低于', 'at_least'],
    ['不高于', 'at_most'],
    ['低于', 'below'],
    ['高于', 'above'],
    ['≥', 'at_least'],
    ['>=', 'at_least'],
    ['≤', 'at_most'],
    ['<=', 'at_most'],
    ['<', 'below'],
    ['>', 'above'],
    ['＞', 'above'],
    ['　不低于　', 'at_least'],
  ])('reads %j as %s', (text, comparator) => {
    expect(readComparator(text)).toBe(comparator);
  });

  it.each(['', 'more', '以上', '=', '≥≥', 'at least 5'])('does not read %j', (text) => {
    expect(readComparator(text)).toBeNull();
  });
});

describe('comparatorInputSchema', () => {
  it('gives the key, or a message that names the spellings it takes', () => {
    expect(comparatorInputSchema.parse('不高于')).toBe('at_most');
    const bad = comparatorInputSchema.safeParse('约');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe(
      '"约" is not a comparator; write one of about, at_least, at_most, below, above; 左右, 不低于, 不高于, 低于, 高于; ≥ ≤ < >',
    );
  });
});

describe('an assigned target’s comparator', () => {
  const rising = indicator({ form: 'assigned' }).target;
  const falling = indicator({ form: 'assigned', direction: 'decrease' }).target;
  const about = indicator({ form: 'assigned', comparator: 'about' }).target;

  it('is its own, else the plan’s', () => {
    expect(comparatorInForce(rising, null)).toBe('at_least');
    expect(comparatorInForce(falling, null)).toBe('at_most');
    expect(comparatorInForce(about, null)).toBe('about');
    expect(comparatorInForce(about, 'below')).toBe('below');
  });

  it('is stored only where it differs from the plan’s', () => {
    expect(ownComparator(rising, 'at_least')).toBeNull();
    expect(ownComparator(falling, 'at_least')).toBe('at_least');
    expect(ownComparator(about, null)).toBeNull();
    expect(ownComparator(about, 'above')).toBe('above');
  });
});
