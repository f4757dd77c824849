import { describe, expect, it } from 'vitest';
import { isCountIndicator, notWholeText, readIndicatorFigure } from './count';

const ind = (unit: string, name = '市级以上创新平台') => ({ name, unit });

describe('isCountIndicator', () => {
  it.each(['个', '所', '家', '项', '人', '名', '次', '人次', '座', '条', '件', '户', ' 个 '])(
    'a figure in %j counts things',
    (unit) => {
      expect(isCountIndicator(ind(unit))).toBe(true);
    },
  );

  it.each(['个百分点', '万个', '亿元', '万人', '%', '', '个/万人', '千人', '岁', '天'])(
    'a figure in %j is no count',
    (unit) => {
      expect(isCountIndicator(ind(unit))).toBe(false);
    },
  );

  it.each([
    ['每万人口拥有高价值发明专利数', '件'],
    ['每千人口执业(助理)医师数', '人'],
    ['每千人口拥有3岁以下婴幼儿托位数', '个'],
    ['城镇居民人均拥有体育场地', '个'],
    ['平均每户参保人数', '人'],
  ])('a ratio to the population or an average (%s, %s) is no count', (name, unit) => {
    expect(isCountIndicator(ind(unit, name))).toBe(false);
  });
});

describe('readIndicatorFigure', () => {
  it('refuses a fraction of a count, typed or as a number', () => {
    expect(readIndicatorFigure('12.5', ind('个'))).toEqual({ ok: false, error: 'not_whole' });
    expect(readIndicatorFigure(12.5, ind('所'))).toEqual({ ok: false, error: 'not_whole' });
    expect(readIndicatorFigure('１２．５', ind('家'))).toEqual({ ok: false, error: 'not_whole' });
  });

  it('takes whole counts, also written 12.0 or 1,200', () => {
    expect(readIndicatorFigure('12', ind('个'))).toEqual({ ok: true, value: 12 });
    expect(readIndicatorFigure('12.0', ind('项'))).toEqual({ ok: true, value: 12 });
    expect(readIndicatorFigure('1,200', ind('人'))).toEqual({ ok: true, value: 1200 });
    expect(readIndicatorFigure('', ind('个'))).toEqual({ ok: true, value: null });
  });

  it.each([
    ['个百分点', 0.5],
    ['万个', 1.25],
    ['亿元', 580.3],
    ['%', 62.5],
  ])('takes decimals in %j', (unit, value) => {
    expect(readIndicatorFigure(String(value), ind(unit))).toEqual({ ok: true, value });
  });

  it('takes decimals of a ratio counted in 件 per 10,000 people', () => {
    expect(readIndicatorFigure('21.35', ind('件', '每万人口拥有高价值发明专利数'))).toEqual({
      ok: true,
      value: 21.35,
    });
  });

  it('reports other errors as readFigure does', () => {
    expect(readIndicatorFigure('12.5%', ind('个'))).toEqual({
      ok: false,
      error: 'percent_not_unit',
    });
    expect(readIndicatorFigure('abc', ind('个'))).toEqual({ ok: false, error: 'not_a_number' });
  });

  it('names the indicator and the unit when it refuses', () => {
    expect(notWholeText({ seq: 4, name: '市级以上创新平台', unit: '个', text: '12.5' })).toBe(
      'indicator 4 市级以上创新平台 is counted in "个": give a whole number, not 12.5',
    );
  });
});
