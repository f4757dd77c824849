import { describe, expect, it } from 'vitest';
import { breachesBefore, checkStatus } from './checks';

describe('yearly checks', () => {
  it('midway a met check is on track and a breach is seriously lagging', () => {
    expect(checkStatus(true, 'progress')).toBe('on_track');
    expect(checkStatus(false, 'progress')).toBe('seriously_lagging');
  });

  it('at the end a check met in Y is achieved and a breach not achieved', () => {
    expect(checkStatus(true, 'end')).toBe('achieved');
    expect(checkStatus(false, 'end')).toBe('not_achieved');
  });

  it('lists the breached years before a year, skipping unchecked ones', () => {
    const years = [
      { year: 2021, value: 1, target: 2, met: false },
      { year: 2022, value: 1, target: null, met: null },
      { year: 2023, value: 3, target: 2, met: false },
    ];
    expect(breachesBefore(years, 2023)).toEqual([2021]);
  });
});
