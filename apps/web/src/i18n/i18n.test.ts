import { describe, expect, it } from 'vitest';
import { en } from './en';
import { format, translator } from './index';
import { zh } from './zh';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('English has every Chinese key and no other', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('every message is written in both languages', () => {
    const blank = (Object.keys(zh) as (keyof typeof zh)[]).filter(
      (k) => zh[k].trim() === '' || en[k].trim() === '',
    );
    expect(blank).toEqual([]);
  });

  it.each(Object.keys(zh) as (keyof typeof zh)[])(
    '%s uses the same placeholders in both languages',
    (key) => {
      expect(placeholders(en[key])).toEqual(placeholders(zh[key]));
    },
  );

  it('fills placeholders and leaves a missing one visible', () => {
    expect(format('{name}（{code}）', { name: '裕华区', code: 130108 })).toBe('裕华区（130108）');
    expect(format('{name}', {})).toBe('{name}');
  });

  it('Chinese is the default vocabulary of the product', () => {
    expect(translator('zh-CN')('nav.overview')).toBe('总览');
    expect(translator('en')('nav.overview')).toBe('Overview');
  });
});
