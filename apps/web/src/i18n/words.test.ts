import { describe, expect, it } from 'vitest';
import { STATUSES } from '@pm/core';
import { en } from './en';
import { zh } from './zh';
import { wordsFor } from './words';

const zhWords = wordsFor('zh-CN');
const enWords = wordsFor('en');

describe('the domain’s words in the web app', () => {
  it('come from core: no catalog keeps its own status, attribute, form, comparator or figure-state words', () => {
    const own = Object.keys({ ...zh, ...en }).filter((k) =>
      /^(status|attribute|form|comparator)\.|\.state\.(draft|submitted|approved|returned)$/.test(k),
    );
    expect(own).toEqual([]);
  });

  it('give every status a word in both languages, in each phase and under each rules version', () => {
    for (const s of STATUSES)
      for (const phase of ['progress', 'end'] as const)
        for (const rules of ['v1', 'v2'] as const) {
          expect(zhWords.status(s, { phase, rules })).not.toBe('');
          expect(enWords.status(s, { phase, rules })).toMatch(/^[A-Z]/);
        }
  });

  it('say 提前实现 midway and 完成 at the end for an achieved target', () => {
    expect(zhWords.status('achieved', { phase: 'progress' })).toBe('提前实现');
    expect(zhWords.status('achieved', { phase: 'end' })).toBe('完成');
    expect(zhWords.status('achieved', { phase: ['progress', 'end'] })).toBe('提前实现／完成');
    expect(enWords.status('achieved', { phase: 'end' })).toBe('Achieved');
  });

  it('keep v1’s words for what v1 graded', () => {
    expect(zhWords.status('on_track', { rules: 'v1' })).toBe('符合预期');
    expect(zhWords.status('achieved', { rules: 'v1' })).toBe('已完成');
    expect(zhWords.status('lagging', { rules: 'v1' })).toBe('进度滞后');
    expect(zhWords.status('on_track', { rules: 'v2' })).toBe('基本符合预期');
  });

  it('list statuses the way each language does', () => {
    expect(zhWords.statusList(['achieved', 'ahead', 'on_track'], { phase: 'progress' })).toBe(
      '提前实现、快于预期和基本符合预期',
    );
    expect(enWords.statusList(['achieved', 'basically_achieved'], { phase: 'end' })).toBe(
      'achieved or basically achieved',
    );
  });

  it('word attributes and forms as labels', () => {
    expect(zhWords.attribute('binding')).toBe('约束性');
    expect(enWords.attribute('binding')).toBe('Binding');
    expect(enWords.form('annual_rate')).toBe('Average growth');
    expect(zhWords.comparator('at_least')).toBe('不低于');
  });
});
