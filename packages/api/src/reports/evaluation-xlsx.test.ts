import { describe, expect, it } from 'vitest';
import type { EvaluationView } from '../views/evaluation';
import { evaluationXlsx } from './evaluation-xlsx';
import { actuals, finalRound, midtermRound, openView, review, v1Round, xlsxRows } from './testing';

async function read(v: EvaluationView) {
  const xlsx = await evaluationXlsx(v);
  const summary = await xlsxRows(xlsx, '汇总 Summary');
  const indicators = await xlsxRows(xlsx, '指标 Indicators');
  const after = (head: string) => {
    const at = summary.findIndex((r) => r[1] === head);
    const end = summary.findIndex((r, k) => k > at && r.length === 0);
    return summary.slice(at, end < 0 ? undefined : end);
  };
  const overview = summary.find((r) => r[0] === '总体情况')?.[1] as string;
  const row = (seq: number) => indicators.find((r) => r[0] === seq)!;
  const field = (name: string) => summary.find((r) => r[0] === name)?.[1];
  const warnings = await xlsxRows(xlsx, '预警 Warnings');
  return {
    counts: after('计算结果').slice(1),
    categories: after('指标数'),
    overview,
    row,
    summary,
    field,
    warnings,
  };
}

describe('the workbook of a round', () => {
  it('a mid-term round counts the five progress grades, computed and final', async () => {
    const { counts, categories, overview, row } = await read(midtermRound());
    expect(counts.map((r) => r[0])).toEqual([
      '提前实现',
      '快于预期',
      '基本符合预期',
      '滞后预期',
      '严重滞后',
      '待下达目标',
      '无数据',
      '仅监测',
    ]);
    expect(counts[1]).toEqual(['快于预期', 2, 2]);
    expect(categories[0]).toEqual([
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
    expect(overview).toContain('基本符合预期及以上占 15%');
    expect(row(4).slice(4, 10)).toEqual([
      '预期性',
      '2025 年达到 70 个以上，年均增长 6%',
      2023,
      66,
      '快于预期',
      '快于预期',
    ]);
    expect(row(16)[4]).toBe('约束性');
  });

  it('a final round (E = Y = 2025) is graded 完成, 基本完成, 未完成 and shows the revised target', async () => {
    const { counts, categories, overview, row } = await read(finalRound());
    expect(counts).toEqual([
      ['完成', 1, 1],
      ['基本完成', 2, 2],
      ['未完成', 3, 3],
      ['待下达目标', 0, 0],
      ['无数据', 14, 14],
      ['仅监测', 0, 0],
    ]);
    expect(categories[0]).toEqual([
      '类别',
      '指标数',
      '完成',
      '基本完成',
      '未完成',
      '其他',
      '完成及基本完成占比',
    ]);
    expect(categories).toContainEqual(['创新驱动', 4, 1, 0, 1, 2, '25%']);
    expect(overview).toContain(
      '共 20 项指标：完成 1 项、基本完成 2 项、未完成 3 项，无数据 14 项。',
    );
    expect(overview).toContain('完成及基本完成占 15%');
    expect(row(4).slice(5, 10)).toEqual(['原目标 70，2024 年调整为 65', 2025, 65, '完成', '完成']);
    expect(row(10)[8]).toBe('基本完成');
    expect(row(16)[8]).toBe('未完成');
  });

  it('names the kind, the plan and its period; a final round lists binding 未完成 first', async () => {
    const end = await read(finalRound());
    expect(end.summary[0]).toEqual(['裕华区“十四五”规划总结评估报告']);
    expect(end.field('评估类型')).toBe('总结评估');
    expect(end.field('评估年度')).toBe(2025);
    expect(end.field('规划')).toBe(
      '石家庄市裕华区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
    );
    expect(end.field('规划期')).toBe('十四五（2021–2025）');
    expect(end.warnings.map((r) => r[0])).toEqual(['序号', 16, 13, 14, 15, 17]);
    const mid = await read(midtermRound());
    expect(mid.summary[0]![0]).toMatch(/纲要实施中期评估报告$/u);
    expect(mid.field('评估类型')).toBe('中期评估');
    expect(mid.warnings.map((r) => r[0])).toEqual(['序号', 14, 15, 16, 17]);
  });

  it('a round finalized under v1 keeps the words it was graded in', async () => {
    const { counts, categories, overview, row } = await read(v1Round());
    expect(counts.slice(0, 4)).toEqual([
      ['已完成', 1, 1],
      ['符合预期', 1, 1],
      ['进度滞后', 1, 2],
      ['严重滞后', 1, 0],
    ]);
    expect(counts).toHaveLength(7);
    expect(categories[0]).toContain('符合预期及以上占比');
    expect(overview).toContain('已完成 1 项、符合预期 1 项，符合预期及以上占 10%');
    expect(row(16).slice(8, 10)).toEqual(['严重滞后', '进度滞后']);
  });
});

describe('the workbook of a round and formula injection', () => {
  it("a reviewer's comment or reason that reads as a formula is written as inert text", async () => {
    const v = openView(2023, {
      values: actuals(4, 58, 62, 66),
      reviews: [
        review({
          seq: 4,
          computedStatus: 'ahead',
          decision: 'overridden',
          finalStatus: 'on_track',
          reason: '-1+2',
          comment: '=HYPERLINK("http://x","y")',
          reviewedBy: '@zhao',
        }),
      ],
    });
    const row = (await xlsxRows(await evaluationXlsx(v), '指标 Indicators')).find(
      (r) => r[0] === 4,
    )!;
    expect(row.slice(11, 14)).toEqual(["'-1+2", `'=HYPERLINK("http://x","y")`, "'@zhao"]);
    expect(row[7]).toBe(66);
  });
});
