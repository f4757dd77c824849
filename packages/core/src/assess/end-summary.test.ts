import { describe, expect, it } from 'vitest';
import type { Attribute } from '../plan';
import { endBindingText, endBindingWarnings, endSummaryText } from './end-summary';
import { actual, actuals, assess, indicator } from './test-support';

/** Spec example 12: level 50 → 70 graded at E = Y = 2025. */
function graded(
  seq: number,
  name: string,
  values: [number, number][],
  attribute: Attribute = 'expected',
) {
  const ind = indicator({ form: 'level', baseline: 50, value: 70 }, { seq, name, attribute });
  return assess(
    ind,
    values.map(([y, v]) => actual(y, v, seq)),
    2025,
  );
}

const monitored = (seq: number) =>
  assess(
    indicator({ form: 'monitor' }, { seq, name: `监测${seq}` }),
    actuals(2021, [1, 2], seq),
    2025,
  );

describe('the summary sentence of a final evaluation', () => {
  it('counts 完成, 基本完成 and 未完成, then what was given no grade', () => {
    const items = [
      graded(1, '创新平台', [[2025, 71]]),
      graded(2, '研发投入', [[2025, 69.5]]),
      graded(3, '专利', [[2025, 66]]),
      graded(4, '高企', [[2025, 72]]),
      graded(5, '人才', []),
    ];
    expect(items.map((i) => [i.status, i.phase])).toEqual([
      ['achieved', 'end'],
      ['basically_achieved', 'end'],
      ['not_achieved', 'end'],
      ['achieved', 'end'],
      ['no_data', 'end'],
    ]);
    expect(endSummaryText(items, 2025)).toEqual({
      zh: '共 5 项指标：完成 2 项、基本完成 1 项、未完成 1 项，无数据 1 项。',
      en: '5 indicators: 2 achieved, 1 basically achieved, 1 not achieved; 1 no data.',
    });
  });

  it('names every end grade, none given included, and no ungraded group when there is none', () => {
    const text = endSummaryText([graded(1, '创新平台', [[2025, 71]])], 2025);
    expect(text.zh).toBe('共 1 项指标：完成 1 项、基本完成 0 项、未完成 0 项。');
    expect(text.en).toBe('1 indicator: 1 achieved, 0 basically achieved, 0 not achieved.');
  });

  it('says how many are graded on progress because their year-Y figure is missing', () => {
    const items = [
      graded(1, '创新平台', [[2025, 71]]),
      graded(2, '研发投入', [[2024, 69.5]]),
      graded(3, '专利', [[2024, 70.5]]),
      monitored(4),
    ];
    expect(items.slice(1, 3).map((i) => [i.status, i.phase])).toEqual([
      ['ahead', 'progress'],
      ['achieved', 'progress'],
    ]);
    const text = endSummaryText(items, 2025);
    expect(text.zh).toBe(
      '共 4 项指标：完成 1 项、基本完成 0 项、未完成 0 项，' +
        '尚无 2025 年数据、按进度评价 2 项（提前实现 1 项、快于预期 1 项），仅监测 1 项。',
    );
    expect(text.en).toBe(
      '4 indicators: 1 achieved, 0 basically achieved, 0 not achieved; ' +
        '2 without 2025 figures, graded on progress (1 achieved early, 1 ahead of schedule); 1 monitored only.',
    );
  });

  it('reads the status that stands: an override to 基本完成 counts there', () => {
    const a = graded(1, '创新平台', [[2025, 66]]);
    expect(endSummaryText([{ ...a, status: 'basically_achieved' }], 2030).zh).toBe(
      '共 1 项指标：完成 0 项、基本完成 1 项、未完成 0 项。',
    );
  });
});

describe('the binding indicators of a final evaluation', () => {
  const items = [
    graded(1, '空气质量', [], 'binding'),
    graded(2, '能耗', [[2025, 60]], 'binding'),
    graded(3, '专利', [[2025, 60]]),
    graded(4, '水质', [[2024, 55]], 'binding'),
    graded(5, '耕地', [[2025, 69.5]], 'binding'),
    graded(6, '碳排放', [[2025, 55]], 'binding'),
    graded(7, '森林', [[2024, 60]], 'binding'),
  ];

  it('lists those not achieved first, then the other warnings worst first, each in plan order', () => {
    expect(items.map((i) => i.status)).toEqual([
      'no_data',
      'not_achieved',
      'not_achieved',
      'seriously_lagging',
      'basically_achieved',
      'not_achieved',
      'lagging',
    ]);
    expect(endBindingWarnings(items).map((i) => i.seq)).toEqual([2, 6, 4, 7, 1]);
  });

  it('names them by group in both languages', () => {
    expect(endBindingText(items)).toEqual({
      zh: '约束性指标未完成 2 项：能耗、碳排放；严重滞后 1 项：水质；滞后预期 1 项：森林；无数据 1 项：空气质量。',
      en: 'Binding indicators not achieved (2): 能耗, 碳排放; seriously behind (1): 水质; behind schedule (1): 森林; no data (1): 空气质量.',
    });
  });

  it('says when none is in warning', () => {
    expect(endBindingText(items.slice(2, 3)).zh).toBe('无约束性指标预警。');
    expect(endBindingText([items[4]!]).en).toBe('No binding indicator is in warning.');
  });
});
