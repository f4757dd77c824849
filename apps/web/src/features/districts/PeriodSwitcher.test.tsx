import { cleanup, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { renderAt } from '../../lib/testing';
import { PeriodSwitcher } from './PeriodSwitcher';

afterEach(cleanup);

const plans = [
  { period: '2021-2025', baselineYear: 2020, midtermYear: 2023, targetYear: 2025 },
  { period: '2026-2030', baselineYear: 2025, midtermYear: 2028, targetYear: 2030 },
];

it('keeps the region and the search across periods, and drops the plan’s year and mode', async () => {
  renderAt(
    [{ path: '/districts', element: <PeriodSwitcher plans={plans} current="2021-2025" /> }],
    '/districts?period=2021-2025&year=2023&mode=live&province=13&city=1301&q=%E8%A3%95&show=reported',
  );
  const next = await screen.findByRole('link', { name: /2026/ });
  const href = new URL(next.getAttribute('href')!, 'http://x');
  expect(href.pathname).toBe('/districts');
  expect(Object.fromEntries(href.searchParams)).toEqual({
    period: '2026-2030',
    province: '13',
    city: '1301',
    q: '裕',
    show: 'reported',
  });
});
