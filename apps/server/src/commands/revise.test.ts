import { describe, expect, it } from 'vitest';
import { cli, useDataFolder } from './testing';

const DOCUMENT = '区政府关于调整“十四五”规划部分指标的通知';

describe('plan revise', () => {
  useDataFolder();
  const revise = (...over: string[]) => {
    const options: Record<string, string> = {
      '--period': '2021-2025',
      '--seq': '4',
      '--from': '2024',
      '--target': '65',
      '--document': DOCUMENT,
      '--reason': '中期评估后调整',
    };
    for (let i = 0; i < over.length; i += 2) options[over[i]!] = over[i + 1]!;
    return cli('plan', 'revise', '130108', ...Object.entries(options).flat());
  };

  it('revises a target from a year, keeps the original and exports both', async () => {
    const run = await revise('--by', '规划科');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      `Revised indicator 4 市级以上创新平台 of 130108 十四五（2021–2025）: 原目标 70，2024 年调整为 65（${DOCUMENT}）`,
    );
    expect(run.out).toContain('Originally 70; revised to 65 from 2024. Reason: 中期评估后调整');
    const file = JSON.parse((await cli('plan', 'export', '130108', '--period', '十四五')).out);
    const ind = file.indicators.find((i: { seq: number }) => i.seq === 4);
    expect(ind.target.value).toBe(70);
    expect(ind.revisions).toMatchObject([
      {
        fromYear: 2024,
        text: '65',
        document: DOCUMENT,
        revisedBy: '规划科',
        target: { value: 65 },
      },
    ]);
  });

  it('says what is wrong with the target, the indicator or the year, and changes nothing', async () => {
    const before = (await cli('plan', 'export', '130108', '--period', '2021-2025')).out;
    const cases: [string[], string][] = [
      [['--target', '65 万人'], '--target: 65 万人 is in 万人, but the indicator is in 个'],
      [['--target', '年均增长 5%'], "this indicator's yearly figures are levels"],
      [['--target', '65'], 'is the target already in force in 2024'],
      [['--seq', '99'], '--seq: 130108 十四五（2021–2025） has no indicator 99'],
      [['--from', '2026', '--target', '64'], 'a revision takes effect in 2021–2025, not 2026'],
      [['--reason', ' '], '--reason is empty'],
      [['--period', '2031-2035'], 'district 130108 has no plan of 2031-2035'],
    ];
    for (const [over, message] of cases) {
      const run = await revise(...over);
      expect(run.code, over.join(' ')).toBe(1);
      expect(run.err, over.join(' ')).toContain(message);
    }
    expect((await cli('plan', 'export', '130108', '--period', '2021-2025')).out).toBe(before);
  });
});
