import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAt, serveProcedures } from '../../lib/testing';
import { PlansPage } from './PlansPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const periods = [
  { period: '2021-2025', name: '十四五', label: '十四五（2021–2025）' },
  { period: '2026-2030', name: '十五五', label: '十五五（2026–2030）' },
];

const district = (code: string, name: string, list: typeof periods) => ({
  code,
  name,
  city: '石家庄市',
  province: '河北省',
  planTitle: null,
  indicatorCount: 0,
  periods: list,
});

describe('PlansPage export', () => {
  it('offers each plan of a district by its period and exports the one chosen', async () => {
    // jsdom has no object URLs; the download itself is the browser's.
    Object.assign(URL, { createObjectURL: () => 'blob:plan', revokeObjectURL: () => {} });
    const calls = serveProcedures({
      'districts.list': [district('130108', '裕华区', periods), district('130102', '长安区', [])],
      'plans.export': { format: 'plan-monitor/plan@2' },
    });
    renderAt([{ path: '/admin/plans', element: <PlansPage /> }], '/admin/plans');
    expect(
      await screen.findByRole('button', { name: '下载裕华区十四五（2021–2025）规划（JSON）' }),
    ).toBeTruthy();
    expect(screen.getByText(/长安区（130102） · 尚未导入规划/)).toBeTruthy();
    fireEvent.click(
      screen.getByRole('button', { name: '下载裕华区十五五（2026–2030）规划（JSON）' }),
    );
    await vi.waitFor(() =>
      expect(calls.filter((c) => c.procedure === 'plans.export').map((c) => c.input)).toEqual([
        { district: '130108', period: '2026-2030' },
      ]),
    );
  });

  it('names the periods in English', async () => {
    serveProcedures({ 'districts.list': [district('130108', '裕华区', periods)] });
    renderAt([{ path: '/admin/plans', element: <PlansPage /> }], '/admin/plans', 'en');
    expect(await screen.findByText('Download the 15th FYP (2026–2030) plan (JSON)')).toBeTruthy();
  });
});
