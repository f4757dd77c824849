import { describe, expect, it } from 'vitest';
import { GRADES, STATUSES } from './assess/status';
import { attributeSchema, comparatorSchema, targetFormSchema, valueStateSchema } from './plan';
import {
  attributeWords,
  comparatorWords,
  formWords,
  phaseWords,
  roundKindWords,
  statusWords,
  valueStateWords,
  type RulesVersion,
} from './words';

const filled = (w: { zh: string; en: string }) => w.zh.trim() !== '' && w.en.trim() !== '';

describe('one catalog of the domain’s words', () => {
  it('every status has its words in both languages, in each phase and under each rules version', () => {
    for (const status of STATUSES) {
      for (const phase of ['progress', 'end'] as const) {
        for (const rules of ['v1', 'v2'] as RulesVersion[]) {
          expect(filled(statusWords(status, { phase, rules })), `${status} ${phase} ${rules}`).toBe(
            true,
          );
        }
      }
    }
  });

  it('every form, attribute, comparator and phase has its words in both languages', () => {
    for (const f of targetFormSchema.options) expect(filled(formWords[f]), f).toBe(true);
    for (const a of attributeSchema.options) expect(filled(attributeWords[a]), a).toBe(true);
    for (const c of comparatorSchema.options) expect(filled(comparatorWords[c]), c).toBe(true);
    expect(filled(phaseWords.progress) && filled(phaseWords.end)).toBe(true);
    expect(Object.values(roundKindWords).map((k) => k.zh)).toEqual([
      '中期评估',
      '总结评估',
      '年度评估',
    ]);
    expect(Object.values(roundKindWords).every(filled)).toBe(true);
  });

  it('a figure’s state has one word in each language, no two states the same', () => {
    expect(valueStateSchema.options.map((s) => valueStateWords[s].zh)).toEqual([
      '草稿',
      '已提交',
      '已审核',
      '已退回',
    ]);
    const en = valueStateSchema.options.map((s) => valueStateWords[s].en);
    expect(new Set(en).size).toBe(en.length);
    expect(Object.values(valueStateWords).every(filled)).toBe(true);
  });

  it('grades midway in the spec’s five words and at the end in its three', () => {
    expect(GRADES.progress.map((s) => statusWords(s).zh)).toEqual([
      '提前实现',
      '快于预期',
      '基本符合预期',
      '滞后预期',
      '严重滞后',
    ]);
    expect(GRADES.end.map((s) => statusWords(s, { phase: 'end' }).zh)).toEqual([
      '完成',
      '基本完成',
      '未完成',
    ]);
  });

  it('keeps the words a round finalized under v1 was shown in', () => {
    expect(
      ['achieved', 'on_track', 'lagging'].map(
        (s) => statusWords(s as 'achieved', { rules: 'v1', phase: 'end' }).zh,
      ),
    ).toEqual(['已完成', '符合预期', '进度滞后']);
  });

  it('no two statuses of one phase share a word', () => {
    for (const phase of ['progress', 'end'] as const) {
      const words = STATUSES.map((s) => statusWords(s, { phase }).zh);
      expect(new Set(words).size).toBe(words.length);
    }
  });
});
