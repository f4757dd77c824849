import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plainLine } from './text';

describe('plainLine', () => {
  it('writes a converter’s inline formulas out as text', () => {
    expect(plainLine('\t17. 细颗粒物($PM_{2.5}$) 浓度降幅(%)\t-\t-\t\t约束性')).toBe(
      '17. 细颗粒物(PM2.5) 浓度降幅(%)　　-　　-　　约束性',
    );
    expect(plainLine('单位GDP $CO_2$ 排放降低')).toBe('单位GDP CO2 排放降低');
    expect(plainLine('$\\text{PM}_{10}$ 浓度')).toBe('PM10 浓度');
    expect(plainLine('达到 $10^{4}$ 人，增长 $5\\%$')).toBe('达到 10^4 人，增长 5%');
  });

  it('leaves text without formulas as it is, a lone dollar sign included', () => {
    expect(plainLine('人均收入 5 万元')).toBe('人均收入 5 万元');
    expect(plainLine('美元价 $5')).toBe('美元价 $5');
  });

  it('leaves no formula markup in any line of the built-in plans’ documents', () => {
    const yuhua = readFileSync(new URL('./fixtures/yuhua.txt', import.meta.url), 'utf8');
    const marked = yuhua.split('\n').filter((l) => /\$[^$]+\$/.test(l));
    expect(marked.length).toBeGreaterThan(0);
    for (const line of marked) expect(plainLine(line)).not.toMatch(/[$_{}\\]/);
  });
});
