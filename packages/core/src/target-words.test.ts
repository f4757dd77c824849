import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { District, Indicator, RawCells, Target } from './plan';
import { readTable } from './parse/table';
import { targetWords } from './target-words';

const district: District = { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' };
const blank: Target = {
  form: 'level',
  baseline: null,
  value: null,
  rate: null,
  cumulative: null,
  sumOf: null,
  comparator: null,
  tolerance: null,
  direction: null,
  linkedTo: null,
  baselineYear: null,
};
const raw: RawCells = { baseline: null, target: null, rate: null, attribute: '预期性' };
const words = (target: Partial<Target>, unit = '%', cells = raw) =>
  targetWords({ target: { ...blank, ...target }, unit, raw: cells }, 2025);

describe('targetWords', () => {
  it.each<[string, Partial<Target>, string, string, string]>([
    [
      'a level with its rate',
      { form: 'level', value: 70, rate: 6 },
      '个',
      '2025 年达到 70 个，年均增长 6%',
      '70 个 by 2025, growing 6% a year',
    ],
    [
      'a level 左右',
      { form: 'level', value: 580, comparator: 'about' },
      '亿元',
      '2025 年达到 580 亿元左右',
      'about 580 亿元 by 2025',
    ],
    [
      'a level to go down to',
      { form: 'level', value: 30, direction: 'decrease' },
      '微克/立方米',
      '2025 年降至 30 微克/立方米',
      '30 微克/立方米 by 2025',
    ],
    [
      'a growth rate 左右',
      { form: 'annual_rate', rate: 6, comparator: 'about' },
      '%',
      '年均增长 6%左右',
      'growing about 6% a year',
    ],
    [
      'a compounded cut',
      { form: 'cumulative', cumulative: 13.5, sumOf: 'compound', direction: 'decrease' },
      '%',
      '五年累计降低 13.5%',
      '13.5% lower over five years',
    ],
    [
      'a five-year total of flows',
      { form: 'cumulative', cumulative: 2.9, sumOf: 'values' },
      '万人',
      '五年累计 2.9 万人',
      '2.9 万人 over five years',
    ],
    [
      'a total of increases with its level',
      { form: 'cumulative', cumulative: 1.5, value: 11, sumOf: 'increases' },
      '人',
      '2025 年达到 11 人（五年累计提高 1.5 人）',
      '11 人 by 2025 (1.5 人 more over five years)',
    ],
    [
      'a bound',
      { form: 'bound', value: 95, comparator: 'at_least' },
      '%',
      '每年不低于 95%',
      'at least 95% every year',
    ],
    [
      'a bound below',
      { form: 'bound', value: 5.5, comparator: 'below' },
      '%',
      '每年低于 5.5%',
      'under 5.5% every year',
    ],
    [
      'a level held',
      { form: 'maintain', baseline: 100, value: 100 },
      '%',
      '保持 100%',
      'held at 100%',
    ],
    [
      'a target linked to the economy',
      { form: 'linked' },
      '%',
      '与经济增长基本同步',
      'in step with the economy',
    ],
  ])('%s', (_, target, unit, zh, en) => {
    expect(words(target, unit)).toEqual({ zh, en });
  });

  it('says an assigned target in the plan’s words, without the spaces a PDF left, and names its level', () => {
    const cells = { ...raw, target: '按市下 达目标' };
    expect(words({ form: 'assigned' }, '%', cells)).toEqual({
      zh: '按市下达目标',
      en: 'the target set by the city',
    });
    expect(words({ form: 'assigned' }, '%', { ...raw, rate: '[确保完成国家要求]' })).toEqual({
      zh: '确保完成国家要求',
      en: 'the target set by the state',
    });
  });

  it('falls back to the printed words, spaces removed, when the form lacks its number', () => {
    expect(words({ form: 'level' }, '%', { ...raw, target: '持续 改善' }).zh).toBe('持续改善');
  });

  it('says every target of three plans, never a placeholder or a raw cell', () => {
    const indicators: Indicator[] = ['yuhua', 'weibin', 'xinhua'].flatMap((name) => {
      const text = readFileSync(new URL(`./parse/fixtures/${name}.txt`, import.meta.url), 'utf8');
      return readTable(text, { district, document: name }).file?.indicators ?? [];
    });
    expect(indicators.length).toBeGreaterThanOrEqual(50);
    for (const ind of indicators) {
      const w = targetWords(ind, 2025);
      expect(w.zh, ind.name).not.toMatch(/undefined|null|NaN|·|\s{2}|下 达/);
      expect(w.en, ind.name).not.toMatch(/undefined|null|NaN/);
      expect(w.zh.length, ind.name).toBeGreaterThan(0);
    }
  });
});
