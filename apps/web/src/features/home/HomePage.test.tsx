import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refusal, renderAt, serveProcedures } from '../../lib/testing';
import { HomePage } from './HomePage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const period = { period: '2021-2025', name: '十四五', label: '十四五（2021–2025）' };
const figure = (seq: number, name: string, year: number, reason: string | null = null) => ({
  id: seq * 10 + year,
  seq,
  name,
  year,
  kind: 'actual',
  reason,
  by: 'official',
  at: '2026-03-01T00:00:00.000Z',
});
const district = (over: Record<string, unknown> = {}) => ({
  code: '130108',
  name: '裕华区',
  returned: [],
  drafts: [],
  missing: { total: 22, cells: [] },
  submitted: [],
  rounds: [],
  count: 1,
  ...over,
});
const home = (over: Record<string, unknown> = {}) => ({
  role: 'official',
  reportingYear: 2025,
  year: 2025,
  period,
  only: { code: '130108', name: '裕华区' },
  scope: 1,
  districts: [],
  warnings: [],
  ...over,
});

const render = (answer: unknown, locale: 'zh-CN' | 'en' = 'zh-CN', path = '/') => {
  const calls = serveProcedures({ 'home.tasks': answer });
  renderAt([{ path: '/', element: <HomePage /> }], path, locale);
  return calls;
};

describe('HomePage', () => {
  it('an official sees the returned figure with its reason and the missing ones, linked to the entry grid', async () => {
    render(
      home({
        districts: [
          district({
            returned: [figure(4, '市级以上创新平台', 2025, '与统计公报不符')],
            missing: {
              total: 22,
              cells: [
                { seq: 2, name: '一般公共预算收入', kind: 'actual' },
                { seq: 16, name: '空气质量优良天数比率', kind: 'assigned_target' },
              ],
            },
          }),
        ],
      }),
    );
    const returned = await screen.findByRole('region', { name: /已退回/ });
    expect(within(returned).getByText('退回意见：与统计公报不符')).toBeTruthy();
    expect(
      within(returned).getByRole('link', { name: '4. 市级以上创新平台' }).getAttribute('href'),
    ).toBe('/d/130108/entry?year=2025&period=2021-2025');
    const missing = screen.getByRole('region', { name: /2025 年未填报/ });
    expect(missing.textContent).toContain('2025 年应填报 22 项数值，尚有 2 项未填报。');
    expect(within(missing).getByText(/市下达目标/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '裕华区总览' }).getAttribute('href')).toBe(
      '/d/130108?period=2021-2025',
    );
  });

  it('a reviewer sees figures awaiting review and the open round, linked to the round', async () => {
    render(
      home({
        role: 'reviewer',
        districts: [
          district({
            submitted: [figure(1, '地区生产总值', 2025)],
            rounds: [{ id: 7, year: 2023, kind: 'midterm', openedBy: 'reviewer' }],
          }),
        ],
      }),
    );
    const rounds = await screen.findByRole('region', { name: /进行中的评估/ });
    expect(
      within(rounds)
        .getByRole('link', { name: /2023 年 中期评估/ })
        .getAttribute('href'),
    ).toBe('/d/130108/evaluation?round=7&period=2021-2025');
    expect(screen.getByRole('region', { name: /待审核/ }).textContent).toContain('1. 地区生产总值');
  });

  it('a leader of several districts sees the warnings worst first, each linked to its indicator', async () => {
    const warning = (district: string, districtName: string, seq: number, status: string) => ({
      district,
      districtName,
      seq,
      name: `指标${seq}`,
      unit: '%',
      status,
      phase: 'progress',
      reason: { zh: `原因${seq}`, en: `reason ${seq}` },
      leadDepartment: seq === 16 ? '区生态环境分局' : null,
      latestValue: null,
      latestYear: null,
    });
    render(
      home({
        role: 'leader',
        only: null,
        scope: 2,
        year: 2023,
        warnings: [
          warning('130108', '裕华区', 16, 'seriously_lagging'),
          warning('130104', '桥西区', 13, 'no_data'),
        ],
      }),
    );
    const card = await screen.findByRole('region', { name: /约束性指标预警/ });
    const links = within(card).getAllByRole('link');
    expect(links[0]!.textContent).toContain('裕华区 · 16. 指标16');
    expect(links[0]!.getAttribute('href')).toBe(
      '/d/130108/indicators/16?year=2023&period=2021-2025',
    );
    expect(card.textContent).toContain('牵头单位：区生态环境分局');
    expect(screen.getByRole('link', { name: '全部区县' })).toBeTruthy();
  });

  it('with nothing to do it says 暂无待办, what will appear, and links to the district', async () => {
    render(home());
    expect(await screen.findByRole('heading', { name: '暂无待办' })).toBeTruthy();
    expect(screen.getByText(/被退回的数值、2025 年尚未填报的数值/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '裕华区数据填报' }).getAttribute('href')).toBe(
      '/d/130108/entry?period=2021-2025',
    );
  });

  it('a long list shows its first six and says how many more there are', async () => {
    const cells = Array.from({ length: 8 }, (_, i) => ({
      seq: i + 1,
      name: `指标${i + 1}`,
      kind: 'actual',
    }));
    render(home({ districts: [district({ missing: { total: 22, cells } })] }));
    const missing = await screen.findByRole('region', { name: /2025 年未填报/ });
    expect(within(missing).getAllByRole('listitem')).toHaveLength(6);
    expect(missing.textContent).toContain('另有 2 项未列出。');
    expect(within(missing).getByRole('link', { name: '去填报 →' }).getAttribute('href')).toBe(
      '/d/130108/entry?year=2025&period=2021-2025',
    );
  });

  it('asks for the period and year the URL names', async () => {
    const calls = render(home({ year: 2027 }), 'zh-CN', '/?period=2026-2030&year=2027');
    expect(await screen.findByRole('heading', { name: '暂无待办' })).toBeTruthy();
    expect(calls.find((c) => c.procedure === 'home.tasks')?.input).toEqual({
      period: '2026-2030',
      year: 2027,
    });
  });

  it('says so in English', async () => {
    render(home({ role: 'reviewer' }), 'en');
    expect(await screen.findByRole('heading', { name: 'Nothing to do' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '裕华区 overview' })).toBeTruthy();
  });

  it('a failed load says what failed and offers a retry', async () => {
    render(refusal('error.internal', { id: 'abc123' }, 'INTERNAL_SERVER_ERROR', 500));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('abc123');
    expect(within(alert).getByRole('button', { name: '重试' })).toBeTruthy();
  });
});
