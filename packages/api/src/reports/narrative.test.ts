import { describe, expect, it } from 'vitest';
import { doubledPunctuation } from '@pm/core';
import { narrativeDrafts } from './narrative';
import { finalRound, midtermRound, openView, review, v1Round } from './testing';

describe('the first drafts of a report’s narrative', () => {
  it('主要成效 counts the grades on track and names the indicators that moved most', () => {
    const v = midtermRound();
    const { achievements } = narrativeDrafts(v);
    expect(achievements).toMatch(
      /20 项纳入评价，(提前实现 \d 项、)?快于预期 2 项、基本符合预期 1 项，合计占纳入评价指标的 \d+%。/u,
    );
    expect(achievements).toContain(`${Math.round(v.summary.shareOnTrack! * 100)}%`);
    expect(achievements).toContain('进展较好的指标有：');
    expect(achievements).toContain('市级以上创新平台由 50个提高到 66个（完成进度 80%）');
  });

  it('存在问题 names the lagging binding indicators with their reason, and the indicators without data', () => {
    const { problems } = narrativeDrafts(midtermRound());
    expect(problems).toMatch(/^滞后预期 1 项、严重滞后 \d 项，未达到预期进度。/u);
    expect(problems).toContain(
      '约束性指标中，城市空气质量优良天数比率严重滞后：2023 年 66，要求不低于 70，未达标。',
    );
    expect(problems).toContain('共 12 项指标尚无经审核的数据，无法评价。');
    expect(problems).toContain('劳动年龄人口平均受教育年限尚待上级下达年度目标。');
  });

  it('原因分析 takes the reviewer’s reason where one was written, the gap where none was', () => {
    const { causes } = narrativeDrafts(midtermRound());
    expect(causes).toContain(
      '每千人口执业(助理)医师数：完成进度 33%，时序进度 60%，具体原因待牵头单位分析说明。',
    );
    const withReason = narrativeDrafts(
      finalRound({
        reviews: [review({ seq: 16, computedStatus: 'not_achieved', comment: '受区域传输影响。' })],
      }),
    );
    expect(withReason.causes).toContain('城市空气质量优良天数比率：受区域传输影响。');
  });

  it('下一步举措 says what each lagging indicator still needs, and what follows the period at its end', () => {
    expect(narrativeDrafts(midtermRound()).nextSteps).toContain(
      '每千人口执业(助理)医师数：今后 2 年需年均增长 4.88%，方能实现规划目标。',
    );
    const end = narrativeDrafts(finalRound());
    expect(end.problems).toMatch(/^至规划目标年，未完成规划目标的指标 \d 项。/u);
    expect(end.nextSteps).toContain('城市空气质量优良天数比率：纳入下一期规划统筹推进。');
    expect(end.nextSteps).toContain('未完成的指标纳入下一期规划统筹推进');
  });

  it('a round with nothing lagging says so instead of listing nothing', () => {
    const d = narrativeDrafts(openView(2023, { values: [] }));
    expect(d.causes).toBe('各项指标总体按规划推进，未发现需要专门分析原因的滞后指标。');
    expect(d.achievements).toContain('尚无指标达到预期进度。');
  });

  it.each([
    ['mid-term', midtermRound],
    ['final', () => finalRound()],
    ['v1', v1Round],
  ])('the %s drafts have no doubled punctuation and no holes', (_, round) => {
    for (const text of Object.values(narrativeDrafts(round()))) {
      expect(doubledPunctuation(text)).toBeNull();
      expect(text).not.toMatch(/undefined|null|NaN/);
    }
  });
});
