import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plan14, plan15, renderInDistrict, serveProcedures, yuhua } from '../../lib/testing';
import { EvaluationPage } from './EvaluationPage';
import { item, round, view } from './fixture';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const reviewer = { id: 2, username: 'zhao', displayName: '赵', role: 'reviewer', districts: 'all' };

const lastCall = (calls: { procedure: string; input: unknown }[], procedure: string) =>
  calls.filter((c) => c.procedure === procedure).at(-1)?.input;

describe('EvaluationPage', () => {
  it('lists the plan’s rounds with their kind and shows the one open', async () => {
    const rounds = [
      round({ id: 9, year: 2025 }),
      round({
        id: 8,
        year: 2024,
        status: 'finalized',
        finalizedBy: 'li',
        finalizedAt: '2025-03-01T00:00:00.000Z',
      }),
      round({
        id: 3,
        year: 2023,
        status: 'finalized',
        finalizedBy: 'li',
        finalizedAt: '2024-03-01T00:00:00.000Z',
      }),
    ];
    const calls = serveProcedures({
      'auth.me': reviewer,
      'evaluations.list': { plan: plan14, rounds },
      'evaluations.get': view([item(1, '创新平台', { status: 'achieved', phase: 'end' })], {
        round: rounds[0],
      }),
    });
    renderInDistrict(<EvaluationPage />, 'zh-CN', '/d/130108/evaluation?period=2021-2025');
    const table = await screen.findByRole('table');
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => [...r.querySelectorAll('td, th')].slice(0, 3).map((c) => c.textContent));
    expect(rows).toEqual([
      ['轮次', '类型', '评估年度'],
      ['第 9 轮 · 正在查看', '总结评估', '2025'],
      ['第 8 轮', '年度评估', '2024'],
      ['第 3 轮', '中期评估', '2023'],
    ]);
    expect(await screen.findByRole('heading', { name: /2025 年总结评估（第 9 轮）/ })).toBeTruthy();
    expect(lastCall(calls, 'evaluations.list')).toMatchObject({
      district: '130108',
      period: '2021-2025',
    });
    const link = screen.getByRole('link', { name: '查看第 8 轮' });
    expect(new URLSearchParams(link.getAttribute('href')!.split('?')[1]).get('period')).toBe(
      '2021-2025',
    );
  });

  it('opens the final evaluation by default once the period is over, in the plan shown', async () => {
    const calls = serveProcedures({
      'auth.me': reviewer,
      'evaluations.list': { plan: plan14, rounds: [] },
      'evaluations.open': round({ id: 10, year: 2025 }),
    });
    renderInDistrict(<EvaluationPage />, 'zh-CN', '/d/130108/evaluation?period=2021-2025');
    const year = (await screen.findByRole('combobox', { name: /^评估年度/ })) as HTMLSelectElement;
    expect(year.value).toBe('2025');
    expect([...year.options].map((o) => o.value)).toEqual(['2021', '2022', '2023', '2024', '2025']);
    fireEvent.click(screen.getByRole('button', { name: '开启评估' }));
    await waitFor(() =>
      expect(lastCall(calls, 'evaluations.open')).toEqual({
        district: '130108',
        period: '2021-2025',
        year: 2025,
      }),
    );
  });

  it('opens the mid-term evaluation by default while the plan runs', async () => {
    const calls = serveProcedures({
      'auth.me': reviewer,
      'evaluations.list': { plan: plan15, rounds: [] },
    });
    const district = { ...yuhua, plan: plan15, periods: [plan14, plan15], reportingYear: 2027 };
    renderInDistrict(
      <EvaluationPage />,
      'zh-CN',
      '/d/130108/evaluation?period=2026-2030',
      district,
    );
    const year = (await screen.findByRole('combobox', { name: /^评估年度/ })) as HTMLSelectElement;
    expect(year.value).toBe('2028');
    expect(year.options[0]!.value).toBe('2026');
    expect(lastCall(calls, 'evaluations.list')).toMatchObject({ period: '2026-2030' });
  });
});
