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

const me = (role: string) => ({ id: 1, username: role, displayName: role, role, districts: 'all' });

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
      'auth.me': me('admin'),
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
    serveProcedures({
      'auth.me': me('admin'),
      'districts.list': [district('130108', '裕华区', periods)],
    });
    renderAt([{ path: '/admin/plans', element: <PlansPage /> }], '/admin/plans', 'en');
    expect(await screen.findByText('Download the 15th FYP (2026–2030) plan (JSON)')).toBeTruthy();
  });
});

describe('PlansPage for other roles', () => {
  it('shows a reviewer that the page is an administrator’s, without its forms', async () => {
    const calls = serveProcedures({
      'auth.me': me('reviewer'),
      'districts.list': [district('130108', '裕华区', periods)],
    });
    renderAt([{ path: '/admin/plans', element: <PlansPage /> }], '/admin/plans');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('无权限');
    expect(alert.textContent).toContain('只有系统管理员可以使用此页面。');
    expect(screen.getByRole('heading', { level: 1, name: '规划管理' })).toBeTruthy();
    expect(screen.queryByLabelText(/规划文件|plan file/i)).toBeNull();
    expect(document.querySelector('input, select, textarea, form')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
    expect(calls.map((c) => c.procedure)).toEqual(['auth.me']);
  });
});
