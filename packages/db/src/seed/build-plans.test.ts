import { describe, expect, it } from 'vitest';
import { seedPeriod } from './build-plans';

const district = { code: '999001', name: '测试区', city: '测试市', province: '测试省' };
const seed = (title: string) => ({ district, title });
const none = { baseline: null, target: null };

describe('a seed plan’s period is read from the document, never assumed', () => {
  it('the Five-Year Plan its title names gives B and Y, and M half-way (B + 3)', () => {
    expect(seedPeriod(seed('测试区国民经济和社会发展第十五个五年规划纲要'), '')).toEqual({
      baselineYear: 2025,
      midtermYear: 2028,
      targetYear: 2030,
    });
    expect(seedPeriod(seed('测试区国民经济和社会发展十四五规划(2022年更新)'), '')).toEqual({
      baselineYear: 2020,
      midtermYear: 2023,
      targetYear: 2025,
    });
  });

  it('without a numbered title, the period the text states or the table header’s years', () => {
    const untitled = seed('测试区发展规划纲要');
    expect(seedPeriod(untitled, '本规划规划期为 2026— 2030 年，展望到2035年。')).toMatchObject({
      baselineYear: 2025,
      targetYear: 2030,
    });
    expect(seedPeriod(untitled, '', { baseline: 2025, target: 2030 })).toMatchObject({
      baselineYear: 2025,
      midtermYear: 2028,
      targetYear: 2030,
    });
    expect(seedPeriod(untitled, '规划期为2021—2035年')).toEqual({
      baselineYear: 2020,
      midtermYear: 2028,
      targetYear: 2035,
    });
  });

  it('a document that says two periods, or none, is refused with what it says where', () => {
    expect(() =>
      seedPeriod(seed('第十四个五年规划'), '规划期为2026—2030年', { baseline: 2020, target: 2025 }),
    ).toThrow('999001: the title says 2021–2025, 规划期为… says 2026–2030');
    expect(() =>
      seedPeriod(seed('第十四个五年规划'), '', { baseline: 2025, target: 2030 }),
    ).toThrow('the table header says 2026–2030');
    expect(() => seedPeriod(seed('测试区发展规划'), '', none)).toThrow(
      "999001: the plan's period is stated nowhere",
    );
  });
});
