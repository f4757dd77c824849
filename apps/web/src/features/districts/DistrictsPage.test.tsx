import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { periodKey, periodLabel, periodName, zeroCounts, type Status } from '@pm/core';
import { I18nProvider, type Locale } from '../../i18n';
import { refusal, renderAt, serveProcedures } from '../../lib/testing';
import { createClient, TRPCProvider } from '../../lib/trpc';
import type { LeagueRow } from '../scorecard/types';
import { DistrictsPage } from './DistrictsPage';
import { sortRows } from './leagueView';

/** Answers tRPC batch requests the way the server does, with `result` for scorecard.league. */
function serve(result: unknown, status = 200) {
  const body = status === 200 ? [{ result: { data: result } }] : [{ error: result }];
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        }),
    ),
  );
}

function renderPage(locale: Locale = 'zh-CN') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/districts', element: <DistrictsPage /> }], {
    initialEntries: ['/districts'],
  });
  render(
    <I18nProvider locale={locale}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={createClient('http://localhost/trpc')} queryClient={queryClient}>
          <RouterProvider router={router} />
        </TRPCProvider>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const status = (n: Partial<Record<Status, number>>) => ({ ...zeroCounts(), ...n });

function row(
  code: string,
  name: string,
  share: number | null,
  warnings = 0,
  counts = status({ on_track: 11, lagging: 9 }),
  phases: LeagueRow['phases'] = ['progress'],
): LeagueRow {
  return {
    code,
    name,
    city: '石家庄市',
    province: '河北省',
    planTitle: share === null ? null : 'p',
    year: share === null ? null : 2023,
    reporting: share === null ? 'noPlan' : 'reported',
    dataYear: share === null ? null : 2023,
    total: 20,
    assessed: 20,
    shareOnTrack: share,
    byStatus: share === null ? null : counts,
    phases,
    bindingWarnings: warnings,
    completeness: share === null ? null : { reported: 17, total: 20, share: 0.85 },
    demo: share !== null,
    categories: share === null ? {} : { 经济发展: { assessed: 3, shareOnTrack: 2 / 3 } },
  };
}

/** A district with a plan but no figures of `year`: its grades are of its figures up to 2023. */
const unreported = (code: string, name: string, share: number, year = 2024): LeagueRow => ({
  ...row(code, name, share),
  year,
  reporting: 'unreported',
  dataYear: 2023,
  completeness: { reported: 0, total: 20, share: 0 },
});

const league = {
  rows: [
    row('130104', '桥西区', 0.62),
    row('130102', '长安区', null),
    row('130108', '裕华区', 0.55, 2),
  ],
  years: [2021, 2022, 2023, 2024, 2025],
  categories: ['经济发展'],
  year: 2023,
  period: '2021-2025',
  periods: [period(2020, 2023, 2025, 2)],
  reportingYear: 2025,
};

function period(baselineYear: number, midtermYear: number, targetYear: number, districts: number) {
  const years = { baselineYear, midtermYear, targetYear };
  return {
    period: periodKey(years),
    name: periodName(years),
    label: periodLabel(years),
    ...years,
    districts,
  };
}

describe('DistrictsPage', () => {
  it('lists the districts with their share on track, warnings and heat map', async () => {
    serve(league);
    renderPage();
    expect(await screen.findByRole('link', { name: '打开 裕华区 的总览' })).toHaveProperty(
      'pathname',
      '/d/130108',
    );
    expect(screen.getByText('无该期规划')).toBeTruthy();
    expect(screen.getAllByText('经济发展：67%（3 项）')).toHaveLength(2);
    const names = () =>
      screen.getAllByRole('rowheader').map((h) => h.querySelector('a')?.textContent);
    expect(names()).toEqual(['桥西区', '裕华区', '长安区']);
    fireEvent.click(screen.getByRole('button', { name: /基本符合预期及以上/ }));
    expect(names()).toEqual(['桥西区', '裕华区', '长安区']);
    expect(
      screen.getByRole('columnheader', { name: /基本符合预期及以上/ }).getAttribute('aria-sort'),
    ).toBe('descending');
  });

  it('counts midway in the five progress grades, 快于预期 among them', async () => {
    serve({
      ...league,
      rows: [row('130104', '桥西区', 0.7, 0, status({ achieved: 2, ahead: 3, on_track: 9 }))],
    });
    renderPage();
    const legend = await screen.findByRole('list', { name: '各状态指标数' });
    expect([...legend.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '★ 提前实现',
      '» 快于预期',
      '✓ 基本符合预期',
      '▲ 滞后预期',
      '✕ 严重滞后',
      '… 待下达目标',
      '? 无数据',
    ]);
    const counts = screen.getByRole('row', { name: /桥西区/ });
    expect(counts.querySelector('.mini-ahead')?.textContent).toBe('»快于预期 3');
    expect(counts.querySelector('.mini-achieved')?.getAttribute('title')).toBe('提前实现');
  });

  it('says 完成 at the end even when every graded indicator is achieved', async () => {
    serve({
      ...league,
      rows: [row('130108', '裕华区', 1, 0, status({ achieved: 20 }), ['end'])],
    });
    renderPage('zh-CN');
    const counts = await screen.findByRole('row', { name: /裕华区/ });
    expect(counts.querySelector('.mini-achieved')?.getAttribute('title')).toBe('完成');
  });

  it('counts at the end in 完成, 基本完成 and 未完成', async () => {
    serve({
      ...league,
      rows: [
        row(
          '130108',
          '裕华区',
          0.8,
          1,
          status({ achieved: 12, basically_achieved: 4, not_achieved: 4 }),
          ['end'],
        ),
      ],
    });
    renderPage('en');
    const legend = await screen.findByRole('list', { name: 'Indicators by status' });
    expect([...legend.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '★ Achieved',
      '◐ Basically achieved',
      '⊘ Not achieved',
      '… Awaiting target',
      '? No data',
    ]);
    expect(screen.getByRole('button', { name: /Basically achieved or better/ })).toBeTruthy();
    const counts = screen.getByRole('row', { name: /裕华区/ });
    expect(counts.querySelector('.mini-achieved')?.textContent).toBe('★Achieved 12');
    expect(counts.querySelector('.mini-not_achieved')?.textContent).toBe('⊘Not achieved 4');
  });

  it('says so when there are no districts', async () => {
    serve({ ...league, rows: [], years: [], periods: [], period: null, year: null });
    renderPage('en');
    expect(await screen.findByText('No districts yet')).toBeTruthy();
  });

  it('shows the error and a retry button when the server fails', async () => {
    serve(
      {
        message: 'db down',
        code: -32603,
        data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 },
      },
      500,
    );
    renderPage('en');
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('DistrictsPage at a year some districts did not report', () => {
  const at2024 = {
    ...league,
    year: 2024,
    rows: [
      { ...row('130104', '桥西区', 0.55, 1), year: 2024, dataYear: 2024 },
      unreported('130108', '裕华区', 0.63),
      row('130102', '长安区', null),
    ],
  };

  it('shows 未报送 with its data year instead of grades, and ranks it after the district that reported', async () => {
    serveProcedures({ 'scorecard.league': at2024 });
    renderAt([{ path: '/districts', element: <DistrictsPage /> }], '/districts?year=2024');
    const yuhua = await screen.findByRole('row', { name: /裕华区/ });
    expect(within(yuhua).getByText('未报送')).toBeTruthy();
    expect(within(yuhua).getByText('尚无 2024 年数据，不参与排名')).toBeTruthy();
    expect(within(yuhua).queryByText('63%')).toBeNull();
    expect(yuhua.querySelector('.mini, .bar, .heat-good, .heat-high')).toBeNull();
    expect(yuhua.querySelectorAll('.heat-unreported')).toHaveLength(1);
    expect(within(yuhua).getByText('经济发展：未报送')).toBeTruthy();
    const dataYear = within(yuhua).getByText('2023 年');
    expect(dataYear.getAttribute('title')).toBe('数据截至 2023 年，尚无 2024 年审核通过的实际值');
    const qiaoxi = screen.getByRole('row', { name: /桥西区/ });
    expect(within(qiaoxi).getByText('2024 年').getAttribute('title')).toBeNull();
    expect(within(qiaoxi).getByText('55%')).toBeTruthy();

    const names = () =>
      screen.getAllByRole('rowheader').map((h) => h.querySelector('a')?.textContent);
    fireEvent.click(screen.getByRole('button', { name: /基本符合预期及以上/ }));
    expect(names()).toEqual(['桥西区', '裕华区', '长安区']);
    fireEvent.click(screen.getByRole('button', { name: /基本符合预期及以上/ }));
    expect(names()).toEqual(['桥西区', '裕华区', '长安区']);
  });

  it('explains every colour of the heat map in a legend', async () => {
    serveProcedures({ 'scorecard.league': at2024 });
    renderAt([{ path: '/districts', element: <DistrictsPage /> }], '/districts');
    const legend = await screen.findByRole('list', {
      name: '领域热力图：基本符合预期及以上的指标占比',
    });
    const items = [...legend.querySelectorAll('li')];
    expect(items.map((li) => li.textContent)).toEqual([
      '80% 及以上',
      '60%–80%',
      '40%–60%',
      '40% 以下',
      '无纳入评价的指标',
      '未报送',
    ]);
    expect(items.map((li) => li.querySelector('.swatch')?.className)).toEqual([
      'swatch heat-high',
      'swatch heat-good',
      'swatch heat-mid',
      'swatch heat-low',
      'swatch heat-none',
      'swatch heat-unreported',
    ]);
    // The cell of 67% is coloured as the legend's 60%–80%.
    const qiaoxi = screen.getByRole('row', { name: /桥西区/ });
    expect(qiaoxi.querySelector('.heat')?.className).toBe('heat heat-good');
  });

  it('reads the sort and the filter from the URL and writes them back', async () => {
    serveProcedures({ 'scorecard.league': at2024 });
    const router = renderAt(
      [{ path: '/districts', element: <DistrictsPage /> }],
      '/districts?year=2024&sort=warnings&order=asc',
    );
    const header = await screen.findByRole('columnheader', { name: /约束性预警/ });
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(header).getByRole('button'));
    expect(router.state.location.search).toBe('?year=2024&sort=warnings&order=desc');
    expect(header.getAttribute('aria-sort')).toBe('descending');

    const filter = screen.getByRole('combobox', { name: '报送情况' }) as HTMLSelectElement;
    expect(filter.value).toBe('all');
    fireEvent.change(filter, { target: { value: 'unreported' } });
    expect(router.state.location.search).toBe(
      '?year=2024&sort=warnings&order=desc&show=unreported',
    );
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      expect.stringContaining('裕华区'),
    ]);
    expect(screen.getByText('共 1 个区县')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /区县/ }));
    expect(router.state.location.search).toBe('?year=2024&show=unreported');
  });

  it('opens with the filter of the URL; nothing matching is said so; a bad sort is ignored', async () => {
    serveProcedures({ 'scorecard.league': { ...at2024, rows: [at2024.rows[0]] } });
    renderAt(
      [{ path: '/districts', element: <DistrictsPage /> }],
      '/districts?show=unreported&sort=nonsense',
    );
    expect(await screen.findByText('没有符合筛选条件的区县。')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: '报送情况' }) as HTMLSelectElement).value).toBe(
      'unreported',
    );
    fireEvent.change(screen.getByRole('combobox', { name: '报送情况' }), {
      target: { value: 'all' },
    });
    expect(screen.getByRole('columnheader', { name: /区县/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
  });
});

describe('sortRows', () => {
  it('puts districts without the figure last in either direction', () => {
    const rows = league.rows;
    const codes = (descending: boolean) =>
      sortRows(rows, { key: 'warnings', descending }).map((r) => r.code);
    expect(codes(true)).toEqual(['130108', '130104', '130102']);
    expect(codes(false)).toEqual(['130104', '130108', '130102']);
  });

  it('ranks a district without figures of the year after those with them, whatever the column', () => {
    const rows = [unreported('130104', '桥西区', 0.9), row('130108', '裕华区', 0.3, 5)];
    for (const key of ['code', 'share', 'warnings', 'completeness'] as const)
      for (const descending of [true, false])
        expect(sortRows(rows, { key, descending }).map((r) => r.code)).toEqual([
          '130108',
          '130104',
        ]);
  });
});

describe('DistrictsPage across plan periods', () => {
  const two = {
    ...league,
    periods: [period(2020, 2023, 2025, 3), period(2025, 2028, 2030, 1)],
  };
  /** The league as the server answers it: of the period asked for, else of the 14th plan. */
  const answer = (input: { period?: string; year?: number } | undefined) =>
    input?.period === '2026-2030'
      ? {
          ...two,
          period: '2026-2030',
          year: input.year ?? 2026,
          years: [2026, 2027, 2028, 2029, 2030],
          rows: [{ ...row('130108', '裕华区', 0.5), year: 2026 }, row('130104', '桥西区', null)],
        }
      : { ...two, year: input?.year ?? 2025 };

  it('compares one period: the switcher keeps it in the URL and the request, links carry it', async () => {
    const calls = serveProcedures({ 'scorecard.league': answer });
    const router = renderAt([{ path: '/districts', element: <DistrictsPage /> }], '/districts');
    const switcher = await screen.findByRole('navigation', { name: '规划期' });
    const current = within(switcher).getByRole('link', { name: '查看十四五（2021–2025）' });
    expect(current.getAttribute('aria-current')).toBe('page');
    expect(screen.getByText('十四五（2021–2025）')).toBeTruthy();
    expect(screen.getByText('3 个区县有该期规划')).toBeTruthy();

    fireEvent.click(within(switcher).getByRole('link', { name: '查看十五五（2026–2030）' }));
    expect(await screen.findByText('十五五（2026–2030）')).toBeTruthy();
    expect(router.state.location.search).toBe('?period=2026-2030');
    expect(calls.at(-1)?.input).toEqual({ period: '2026-2030' });
    const qiaoxi = screen.getByRole('row', { name: /桥西区/ });
    expect(within(qiaoxi).getByText('无该期规划')).toBeTruthy();
    expect(
      within(qiaoxi).getByRole('link', { name: '打开 桥西区 的总览' }).getAttribute('href'),
    ).toBe('/d/130104');
    expect(screen.getByRole('link', { name: '打开 裕华区 的总览' }).getAttribute('href')).toBe(
      '/d/130108?year=2026&period=2026-2030',
    );
  });

  it('offers the period’s years, marks mid-term and end, and keeps the year in the URL', async () => {
    const calls = serveProcedures({ 'scorecard.league': answer });
    const router = renderAt(
      [{ path: '/districts', element: <DistrictsPage /> }],
      '/districts?period=2026-2030',
    );
    const year = (await screen.findByRole('combobox', { name: '评估年度' })) as HTMLSelectElement;
    expect([...year.options].map((o) => o.textContent)).toEqual([
      '2026 年',
      '2027 年',
      '2028 年（中期）',
      '2029 年',
      '2030 年（期末）',
    ]);
    expect(year.value).toBe('2026');
    fireEvent.change(year, { target: { value: '2028' } });
    await vi.waitFor(() =>
      expect(calls.at(-1)?.input).toEqual({ period: '2026-2030', year: 2028 }),
    );
    expect(router.state.location.search).toBe('?period=2026-2030&year=2028');
  });

  it('a period no district has is the server’s message, with a way back', async () => {
    serveProcedures({
      'scorecard.league': refusal(
        'league.noPeriod',
        { period: '十六五（2031–2035）' },
        'NOT_FOUND',
        404,
      ),
    });
    renderAt([{ path: '/districts', element: <DistrictsPage /> }], '/districts?period=2031-2035');
    expect((await screen.findByRole('alert')).textContent).toContain(
      '管辖范围内没有区县有十六五（2031–2035）规划。',
    );
    expect(screen.getByRole('link', { name: '打开当前规划期的对比' }).getAttribute('href')).toBe(
      '/districts',
    );
  });
});
