import { describe, expect, it } from 'vitest';
import { evaluationDocx } from './evaluation-docx';
import { docxTables, docxText, finalRound, midtermRound, v1Round } from './testing';
import type { EvaluationView } from '../views/evaluation';

async function read(v: EvaluationView) {
  const docx = await evaluationDocx(v);
  const [counts, categories, indicators, warnings] = docxTables(docx);
  const row = (seq: number) => indicators!.find((r) => r[0] === String(seq))!;
  return { text: docxText(docx), counts, categories, row, warnings };
}

const ungraded = ['待下达目标', '无数据', '仅监测'];

describe('the Word report of a round', () => {
  it('a mid-term round counts the five progress grades and the share 基本符合预期及以上', async () => {
    const { text, counts, categories, row } = await read(midtermRound());
    expect(counts).toEqual([
      ['状态', '计算结果', '评估结论'],
      ['提前实现', '1', '1'],
      ['快于预期', '2', '2'],
      ['基本符合预期', '1', '1'],
      ['滞后预期', '1', '1'],
      ['严重滞后', '2', '2'],
      ['待下达目标', '1', '1'],
      ['无数据', '12', '12'],
      ['仅监测', '0', '0'],
    ]);
    expect(categories![0]).toEqual([
      '类别',
      '指标数',
      '提前实现',
      '快于预期',
      '基本符合预期',
      '滞后预期',
      '严重滞后',
      '其他',
      '基本符合预期及以上占比',
    ]);
    expect(categories).toContainEqual(['创新驱动', '4', '1', '1', '0', '0', '0', '2', '50%']);
    expect(text).toContain(
      '纳入评价的 20 项指标中，提前实现 1 项、快于预期 2 项、基本符合预期 1 项，基本符合预期及以上占 20%；' +
        '滞后预期 1 项、严重滞后 2 项；待下达目标 1 项、无数据 12 项。',
    );
    expect(row(4).slice(2, 7)).toEqual(['预期性', '70', '66（2023 年）', '快于预期', '快于预期']);
    expect(row(16)[2]).toBe('约束性');
    expect(text).toContain('以下 4 项约束性指标滞后预期、严重滞后或缺少数据，需重点关注：');
    expect(text).not.toMatch(/已完成|基本完成|未完成|符合预期占比|进度滞后/u);
  });

  it('a final round (E = Y = 2025) is graded 完成, 基本完成, 未完成 and shows the revised target', async () => {
    const { text, counts, categories, row } = await read(finalRound());
    expect(counts!.map((r) => r[0])).toEqual(['状态', '完成', '基本完成', '未完成', ...ungraded]);
    expect(counts!.slice(1, 4)).toEqual([
      ['完成', '2', '2'],
      ['基本完成', '2', '2'],
      ['未完成', '2', '2'],
    ]);
    expect(categories![0]).toEqual([
      '类别',
      '指标数',
      '完成',
      '基本完成',
      '未完成',
      '其他',
      '完成及基本完成占比',
    ]);
    expect(text).toContain(
      '纳入评价的 20 项指标中，完成 2 项、基本完成 2 项，完成及基本完成占 20%；未完成 2 项；',
    );
    expect(row(4).slice(3, 7)).toEqual([
      '原目标 70，2024 年调整为 65',
      '65（2025 年）',
      '完成',
      '完成',
    ]);
    expect(row(1)[5]).toBe('基本完成');
    expect(row(7)[5]).toBe('未完成');
    expect(text).toContain('约束性指标未完成或缺少数据，需重点关注：');
    expect(text).not.toMatch(/提前实现|快于预期|基本符合预期|滞后预期|严重滞后/u);
  });

  it('a round at Y with an indicator whose data stop a year early lists the grades of both phases', async () => {
    const { counts, row } = await read(finalRound({ mixed: true }));
    expect(counts!.map((r) => r[0])).toEqual([
      '状态',
      '提前实现/完成',
      '快于预期',
      '基本符合预期',
      '滞后预期',
      '严重滞后',
      '基本完成',
      '未完成',
      ...ungraded,
    ]);
    expect(row(4)[5]).toBe('快于预期');
    expect(row(4)[7]).toContain('数据截至 2024 年');
    expect(row(5)[5]).toBe('完成');
  });

  it('a round finalized under v1 keeps the words it was graded in', async () => {
    const { text, counts, categories, row } = await read(v1Round());
    expect(counts!.map((r) => r[0])).toEqual([
      '状态',
      '已完成',
      '符合预期',
      '进度滞后',
      '严重滞后',
      ...ungraded,
    ]);
    expect(categories![0]).toEqual([
      '类别',
      '指标数',
      '已完成',
      '符合预期',
      '进度滞后',
      '严重滞后',
      '其他',
      '符合预期及以上占比',
    ]);
    expect(text).toContain(
      '已完成 1 项、符合预期 1 项，符合预期及以上占 10%；进度滞后 2 项、严重滞后 0 项；',
    );
    expect(row(4)[5]).toBe('已完成');
    expect(text).toContain('计算状态为“严重滞后”，评估调整为“进度滞后”。理由：受区域传输影响。');
    expect(text).toContain('约束性指标进度滞后、严重滞后或缺少数据');
    expect(text).not.toMatch(/提前实现|快于预期|基本符合预期|滞后预期|基本完成|未完成/u);
  });

  it('the share on track is the summary’s, not counted again', async () => {
    const v = midtermRound();
    const { text } = await read({ ...v, summary: { ...v.summary, shareOnTrack: 0.5 } });
    expect(text).toContain('基本符合预期及以上占 50%');
  });

  it.each([
    ['mid-term', midtermRound],
    ['final', () => finalRound()],
    ['mixed', () => finalRound({ mixed: true })],
    ['v1', v1Round],
  ])('the %s report has no holes in its text', async (_, round) => {
    const { text } = await read(round());
    expect(text).not.toMatch(/undefined|null|NaN|。。|，，|；；/);
  });
});
