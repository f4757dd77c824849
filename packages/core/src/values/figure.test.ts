import { describe, expect, it } from 'vitest';
import { figureText, readFigure } from './figure';

describe('readFigure', () => {
  it.each([
    ['62', 62],
    ['1,234.5', 1234.5],
    ['12,345,678', 12345678],
    ['１２３', 123],
    ['１，２３４．５', 1234.5],
    [' 6.5 ', 6.5],
    ['-3.2', -3.2],
    ['－3.2', -3.2],
    ['−3.2', -3.2],
    ['+7', 7],
    ['.5', 0.5],
    ['66.5%', 66.5],
    ['66.5％', 66.5],
    ['-0', 0],
    ['1\u00a0234', 1234],
  ])('reads %j as %d', (text, value) => {
    expect(readFigure(text)).toEqual({ ok: true, value });
  });

  it.each([
    'abc',
    '1,23',
    '1.2.3',
    '12,3456',
    '-',
    '.',
    '%',
    '6左右',
    '1e5',
    '五',
    '1,234,',
    '--1',
  ])('%j is not a number', (text) => {
    expect(readFigure(text)).toEqual({ ok: false, error: 'not_a_number' });
  });

  it('blank text is no figure', () => {
    expect(readFigure('')).toEqual({ ok: true, value: null });
    expect(readFigure('  \u3000')).toEqual({ ok: true, value: null });
  });

  it('a % sign is accepted only where the unit is %', () => {
    expect(readFigure('62%', '%')).toEqual({ ok: true, value: 62 });
    expect(readFigure('62%', '个')).toEqual({ ok: false, error: 'percent_not_unit' });
    expect(readFigure('62', '个')).toEqual({ ok: true, value: 62 });
  });

  it('takes finite numbers as they are and refuses the others', () => {
    expect(readFigure(4.5)).toEqual({ ok: true, value: 4.5 });
    expect(readFigure(Number.NaN)).toEqual({ ok: false, error: 'not_a_number' });
    expect(readFigure(Number.POSITIVE_INFINITY)).toEqual({ ok: false, error: 'not_a_number' });
  });

  it.each([1e308, -1e308, 5e-324, -5e-324, 1e12 + 1, 1e-7, -2e13])(
    '%d is out of range',
    (value) => {
      expect(readFigure(value)).toEqual({ ok: false, error: 'out_of_range' });
    },
  );

  it.each(['1' + '0'.repeat(63), '0.' + '0'.repeat(60) + '5', '-1,000,000,000,000.5', '0.0000001'])(
    'typed %j is out of range',
    (text) => {
      expect(readFigure(text)).toEqual({ ok: false, error: 'out_of_range' });
    },
  );

  it.each([0, -0, -3.5, 12345678.9, 0.001, 1e-6, -1e-6, 1e12, -1e12])('%d is in range', (value) => {
    expect(readFigure(value)).toEqual({ ok: true, value: value === 0 ? 0 : value });
    expect(readFigure(String(value))).toEqual({ ok: true, value: value === 0 ? 0 : value });
  });

  it('what figureText writes, readFigure reads back', () => {
    for (const v of [0, 62, 1234.5, -3.25, 0.001, 127128]) {
      expect(readFigure(figureText(v))).toEqual({ ok: true, value: v });
    }
    expect(figureText(null)).toBe('');
  });
});
