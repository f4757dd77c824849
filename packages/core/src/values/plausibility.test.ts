import { describe, expect, it } from 'vitest';
import { concernsFor, isShare, mayBeNegative, type FigureIndicator } from './plausibility';

const ind = (name: string, unit: string, form: FigureIndicator['target']['form'] = 'level') => ({
  name,
  unit,
  target: { form },
});
const settings = { changeThreshold: 0.5 };

describe('which figures ask for confirmation', () => {
  it('a change of more than ±50% from last year asks', () => {
    const platforms = ind('市级以上创新平台', '个');
    expect(concernsFor(62, platforms, 55, settings)).toEqual([]);
    expect(concernsFor(90, platforms, 55, settings)).toEqual([
      { code: 'change', previous: 55, change: 35 / 55, threshold: 0.5 },
    ]);
    expect(concernsFor(20, platforms, 55, settings).map((c) => c.code)).toEqual(['change']);
  });

  it('exactly the threshold does not ask; the plan’s own threshold is used', () => {
    const platforms = ind('市级以上创新平台', '个');
    expect(concernsFor(1.5, platforms, 1, settings)).toEqual([]);
    expect(concernsFor(0.5, platforms, 1, settings)).toEqual([]);
    expect(concernsFor(1.3, platforms, 1, { changeThreshold: 0.2 })).toHaveLength(1);
  });

  it('no previous figure, or a previous zero, is nothing to compare with', () => {
    const platforms = ind('市级以上创新平台', '个');
    expect(concernsFor(1000, platforms, null, settings)).toEqual([]);
    expect(concernsFor(1000, platforms, 0, settings)).toEqual([]);
  });

  it('a share above 100% asks; a growth rate or a gross rate does not', () => {
    expect(
      concernsFor(101, ind('城市空气质量优良天数比率', '%', 'assigned'), null, settings),
    ).toEqual([{ code: 'over_100' }]);
    expect(
      concernsFor(120, ind('生产总值(GDP)增长率', '%', 'annual_rate'), null, settings),
    ).toEqual([]);
    expect(concernsFor(103, ind('学前三年毛入园率', '%', 'bound'), null, settings)).toEqual([]);
    expect(concernsFor(100, ind('居民基本养老保险参保率', '%', 'bound'), null, settings)).toEqual(
      [],
    );
  });

  it('a negative count or amount asks; a growth rate or a reduction may be negative', () => {
    expect(concernsFor(-1, ind('新增冰雪运动示范校', '所', 'cumulative'), null, settings)).toEqual([
      { code: 'negative' },
    ]);
    expect(concernsFor(-2, ind('地区生产总值', '亿元'), null, settings)).toEqual([
      { code: 'negative' },
    ]);
    expect(concernsFor(-5, ind('城镇调查失业率', '%', 'assigned'), null, settings)).toEqual([
      { code: 'negative' },
    ]);
    expect(
      concernsFor(-2.1, ind('生产总值(GDP)增长率', '%', 'annual_rate'), null, settings),
    ).toEqual([]);
    expect(concernsFor(-1, ind('单位GDP能耗消耗降幅', '%', 'assigned'), null, settings)).toEqual(
      [],
    );
  });

  it('names the kind of indicator', () => {
    expect(isShare(ind('高新技术产业增加值占规模以上工业增加值比例', '%', 'assigned'))).toBe(true);
    expect(isShare(ind('全社会研发投入增长率', '%', 'assigned'))).toBe(false);
    expect(isShare(ind('城乡居民可支配收入', '元'))).toBe(false);
    expect(mayBeNegative(ind('居民人均可支配收入增长率', '%', 'linked'))).toBe(true);
    expect(mayBeNegative(ind('常住人口城镇化率', '%', 'maintain'))).toBe(false);
  });

  it('lists every concern at once', () => {
    expect(
      concernsFor(150, ind('城市空气质量优良天数比率', '%', 'assigned'), 70, settings).map(
        (c) => c.code,
      ),
    ).toEqual(['over_100', 'change']);
  });
});
