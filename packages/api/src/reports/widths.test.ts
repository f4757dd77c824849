import { describe, expect, it } from 'vitest';
import { columnWidths, textWidth, unbreakable } from './widths';

describe('column widths of a report table', () => {
  it('a figure, a code or a target with a slash is one unbreakable run', () => {
    expect(unbreakable('62.9/6 左右（2023 年）')).toEqual(['62.9/6', '2023']);
    expect(textWidth('62.9', 10)).toBeCloseTo(22);
    expect(textWidth('达到', 10)).toBe(20);
  });

  it('short columns fit their widest line, the weighted ones share the rest, summing to the width', () => {
    const w = columnWidths(
      ['序号', '指标', '2023 年'],
      [
        [1, '生产总值增长率', '1234.56'],
        [2, '研发投入', '5'],
      ],
      9000,
      10,
      [0, 1, 0],
    );
    expect(w.reduce((a, b) => a + b, 0)).toBe(9000);
    // 序号: two characters (20 pt), half a character of slack, and the cell margins.
    expect(w[0]).toBe(20 * 25 + 216);
    expect(w[2]).toBeGreaterThanOrEqual(textWidth('1234.56', 10) * 20 + 216);
    expect(w[1]).toBe(9000 - w[0]! - w[2]!);
  });

  it('a table too wide for the page narrows the short columns, never below their longest number', () => {
    const head = Array.from({ length: 12 }, (_, k) => `第 ${k} 列标题文字`);
    const row = head.map(() => '123456.78');
    const floor = textWidth('123456.78', 10) * 20 + 216;
    const w = columnWidths(head, [row], 16000, 10);
    expect(w.reduce((a, b) => a + b, 0)).toBe(16000);
    for (const x of w) expect(x).toBeGreaterThanOrEqual(floor);
    const tight = columnWidths(head, [row], 12000, 10);
    for (const x of tight) expect(x).toBeGreaterThanOrEqual(floor);
  });

  it('a table that fits may keep its own width (fit)', () => {
    const w = columnWidths(['状态', '计算结果'], [['提前实现', 1]], 12000, 10, [], true);
    expect(w.reduce((a, b) => a + b, 0)).toBeLessThan(12000);
  });
});
