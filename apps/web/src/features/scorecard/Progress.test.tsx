import type { ReactNode } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider, type Locale } from '../../i18n';
import { Outlook, Progress } from './Progress';
import type { ScorecardRow } from './types';

type Row = Parameters<typeof Progress>[0]['row'];

const base: Row = {
  form: 'level',
  status: 'on_track',
  completion: 0.65,
  timeProgress: 0.6,
  averageRate: null,
  band: null,
  years: [],
  latestValue: 62.96,
  latestYear: 2023,
  projection: 'likely',
  requiredPace: 5.44,
  requiredRate: null,
  trend: 'compound',
  unit: '个',
};

function show(node: ReactNode, locale: Locale = 'zh-CN') {
  render(<I18nProvider locale={locale}>{node}</I18nProvider>);
}

afterEach(cleanup);

describe('Progress', () => {
  it('draws a level as completion against time progress, in words for screen readers', () => {
    show(<Progress row={base} />);
    expect(screen.getByRole('img', { name: '完成进度 65%，时序进度 60%' })).toBeTruthy();
  });

  it('draws an average rate against its band', () => {
    const rate: Row = {
      ...base,
      form: 'annual_rate',
      completion: null,
      averageRate: 5.7,
      band: { low: 5.5, high: 6.5 },
    };
    show(<Progress row={rate} />, 'en');
    expect(
      screen.getByRole('img', { name: 'average growth 5.7%, target band 5.5%–6.5%' }),
    ).toBeTruthy();
  });

  it('draws a level ahead of schedule, and an end grade, in the tone of its status', () => {
    show(<Progress row={{ ...base, status: 'ahead', completion: 0.8 }} />);
    expect(screen.getByRole('img', { name: '完成进度 80%，时序进度 60%' }).className).toBe(
      'bar bar-ahead',
    );
    cleanup();
    show(<Progress row={{ ...base, status: 'not_achieved', completion: 0.8, timeProgress: 1 }} />);
    expect(screen.getByRole('img', { name: '完成进度 80%，时序进度 100%' }).className).toBe(
      'bar bar-not_achieved',
    );
  });

  it('words a one-sided band with core’s comparator', () => {
    const rate: Row = {
      ...base,
      form: 'annual_rate',
      status: 'basically_achieved',
      completion: null,
      averageRate: 6.7,
      band: { low: 7, high: null },
    };
    show(<Progress row={rate} />);
    const gauge = screen.getByRole('img', { name: '年均增长 6.7%，目标区间 不低于 7%' });
    expect(gauge.className).toBe('gauge bar-basically_achieved');
  });

  it('lists each year of a bound as met or breached, in words as well as colour', () => {
    const bound: Row = {
      ...base,
      form: 'bound',
      years: [
        { year: 2021, value: 3.5, target: 4, met: true },
        { year: 2022, value: 4, target: 4, met: false },
      ] as ScorecardRow['years'],
    };
    show(<Progress row={bound} />);
    expect(screen.getByText('2021 年达标')).toBeTruthy();
    expect(screen.getByText('2022 年未达标')).toBeTruthy();
  });
});

describe('Outlook', () => {
  it('says whether the target is likely and the pace needed from now on', () => {
    show(<Outlook row={base} />);
    expect(screen.getByText('可望完成')).toBeTruthy();
    expect(screen.getByText('此后需年均增长 5.44%')).toBeTruthy();
  });

  it('gives a linear pace in the indicator’s unit, and nothing without a projection', () => {
    show(<Outlook row={{ ...base, projection: 'at_risk', trend: 'linear', requiredPace: 2 }} />);
    expect(screen.getByText('此后需每年增加 2个')).toBeTruthy();
    cleanup();
    show(<Outlook row={{ ...base, projection: null }} />);
    expect(screen.getByText('—')).toBeTruthy();
  });
});
