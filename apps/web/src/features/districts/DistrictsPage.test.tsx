import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  assessedOf,
  periodKey,
  periodLabel,
  periodName,
  shareOnTrack,
  zeroCounts,
  type Status,
} from '@pm/core';
import type { Locale } from '../../i18n';
import { refusal, renderAt, serveProcedures } from '../../lib/testing';
import type { League, LeagueRow } from '../scorecard/types';
import { DistrictsPage } from './DistrictsPage';
import { leagueFilters, toggledSort, withRegion } from './leagueView';

type RegionRow = League['groups'][number];
type Input = { offset?: number; limit?: number } & Record<string, unknown>;

const page = (path = '/districts', locale: Locale = 'zh-CN') =>
  renderAt([{ path: '/districts', element: <DistrictsPage /> }], path, locale);

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
  // Asserted: the row may carry fields (categoryOrder) the page does not read.
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
    categoryOrder: share === null ? [] : ['经济发展'],
  } as LeagueRow;
}

/** A district with a plan but no figures of `year`: its grades are of its figures up to 2023. */
const unreported = (code: string, name: string, share: number, year = 2024): LeagueRow => ({
  ...row(code, name, share),
  year,
  reporting: 'unreported',
  dataYear: 2023,
  completeness: { reported: 0, total: 20, share: 0 },
});

/** A roll-up as the server adds it up (only what the page shows needs to be right). */
function rollUp(
  code: string,
  name: string,
  level: RegionRow['level'],
  rows: LeagueRow[],
): RegionRow {
  const byStatus = status({});
  for (const r of rows)
    if (r.byStatus) for (const [s, n] of Object.entries(r.byStatus)) byStatus[s as Status] += n;
  const count = (k: LeagueRow['reporting']) => rows.filter((r) => r.reporting === k).length;
  return {
    code,
    name,
    level,
    districts: rows.length,
    reported: count('reported'),
    unreported: count('unreported'),
    noPlan: count('noPlan'),
    byStatus,
    phases: ['progress'],
    assessed: assessedOf(byStatus),
    shareOnTrack: shareOnTrack(byStatus),
    bindingWarnings: rows.reduce((n, r) => n + r.bindingWarnings, 0),
    completeness: { reported: 17, total: 20, share: 0.85 },
  };
}

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

const rows3 = [
  row('130104', '桥西区', 0.62),
  row('130108', '裕华区', 0.55, 2),
  row('130102', '长安区', null),
];

/**
 * The server's answer for `rows` (already in its order): the page the input asks for, the total,
 * and the roll-ups given (`extra`).
 */
function answer(rows: LeagueRow[], extra: Partial<League> = {}) {
  return (input: Input = {}): League => {
    const offset = input.offset ?? 0;
    const limit = input.limit ?? 50;
    return {
      rows: rows.slice(offset, offset + limit),
      total: rows.length,
      offset,
      limit,
      region: { province: null, city: null },
      groups: [rollUp('13', '河北省', 'province', rows)],
      overall: rollUp('all', '', 'all', rows),
      years: [2021, 2022, 2023, 2024, 2025],
      categories: ['经济发展'],
      year: 2023,
      period: '2021-2025',
      periods: [period(2020, 2023, 2025, 2)],
      reportingYear: 2025,
      ...extra,
    };
  };
}

const leagueCalls = (calls: { procedure: string; input: unknown }[]) =>
  calls.filter((c) => c.procedure === 'scorecard.league').map((c) => c.input as Input);

const districts = () => screen.getByRole('table', { name: '区县对比表' });

const names = () =>
  screen
    .getAllByRole('rowheader')
    .filter((h) => h.closest('table')?.getAttribute('aria-label') === '区县对比表')
    .map((h) => h.querySelector('a')?.textContent);

describe('DistrictsPage', () => {
  it('lists the districts in the server’s order with their share on track, warnings and heat map', async () => {
    const calls = serveProcedures({ 'scorecard.league': answer(rows3) });
    const router = page();
    expect(await screen.findByRole('link', { name: '打开 裕华区 的总览' })).toHaveProperty(
      'pathname',
      '/d/130108',
    );
    expect(within(districts()).getByText('无该期规划')).toBeTruthy();
    expect(screen.getAllByText('经济发展：67%（3 项）')).toHaveLength(2);
    expect(names()).toEqual(['桥西区', '裕华区', '长安区']);
    expect(screen.getByText('共 3 个区县，已显示 3 个')).toBeTruthy();
    expect(leagueCalls(calls)[0]).toEqual({
      show: 'all',
      sort: 'rank',
      order: 'desc',
      offset: 0,
      limit: 100,
    });

    // The sort is the server's: a click asks for it, and the URL keeps it.
    fireEvent.click(screen.getByRole('button', { name: /基本符合预期及以上/ }));
    await vi.waitFor(() =>
      expect(leagueCalls(calls).at(-1)).toMatchObject({ sort: 'share', order: 'desc' }),
    );
    expect(router.state.location.search).toBe('?sort=share&order=desc');
    expect(
      within(districts())
        .getByRole('columnheader', { name: /基本符合预期及以上/ })
        .getAttribute('aria-sort'),
    ).toBe('descending');
  });

  it('counts midway in the five progress grades, 快于预期 among them', async () => {
    serveProcedures({
      'scorecard.league': answer([
        row('130104', '桥西区', 0.7, 0, status({ achieved: 2, ahead: 3, on_track: 9 })),
      ]),
    });
    page();
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
    serveProcedures({
      'scorecard.league': answer([
        row('130108', '裕华区', 1, 0, status({ achieved: 20 }), ['end']),
      ]),
    });
    page();
    const counts = await screen.findByRole('row', { name: /裕华区/ });
    expect(counts.querySelector('.mini-achieved')?.getAttribute('title')).toBe('完成');
  });

  it('counts at the end in 完成, 基本完成 and 未完成', async () => {
    const yuhua = row(
      '130108',
      '裕华区',
      0.8,
      1,
      status({ achieved: 12, basically_achieved: 4, not_achieved: 4 }),
      ['end'],
    );
    serveProcedures({
      'scorecard.league': answer([yuhua], {
        overall: { ...rollUp('all', '', 'all', [yuhua]), phases: ['end'] },
        groups: [],
      }),
    });
    page('/districts', 'en');
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
    serveProcedures({
      'scorecard.league': answer([], { years: [], periods: [], period: null, year: null }),
    });
    page('/districts', 'en');
    expect(await screen.findByText('No districts yet')).toBeTruthy();
  });

  it('shows the error and a retry button when the server fails', async () => {
    serveProcedures({
      'scorecard.league': refusal('x', {}, 'INTERNAL_SERVER_ERROR', 500),
    });
    page('/districts', 'en');
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('DistrictsPage by region', () => {
  const hebei = [row('130104', '桥西区', 0.62), row('130108', '裕华区', 0.55, 2)];
  const tianjin = [{ ...row('120105', '河北区', 0.7), city: '天津市', province: '天津市' }];
  /** The server's league of the region the input asks for. */
  const byRegion = (input: Input = {}) =>
    input.city === '1301'
      ? answer(hebei, {
          region: {
            province: { code: '13', name: '河北省' },
            city: { code: '1301', name: '石家庄市' },
          },
          groups: [],
          overall: rollUp('1301', '石家庄市', 'city', hebei),
        })(input)
      : input.province === '13'
        ? answer(hebei, {
            region: { province: { code: '13', name: '河北省' }, city: null },
            groups: [rollUp('1301', '石家庄市', 'city', hebei)],
            overall: rollUp('13', '河北省', 'province', hebei),
          })(input)
        : answer([...tianjin, ...hebei], {
            groups: [
              rollUp('12', '天津市', 'province', tianjin),
              rollUp('13', '河北省', 'province', hebei),
            ],
          })(input);

  it('rolls the districts up by province, then by city, and the trail leads back up', async () => {
    const calls = serveProcedures({ 'scorecard.league': byRegion });
    const router = page('/districts?year=2023');
    const provinces = await screen.findByRole('table', { name: '各省汇总' });
    const hebeiRow = within(provinces).getByRole('row', { name: /河北省/ });
    expect(
      within(hebeiRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['2', '2', '0', '55%', '✓基本符合预期 22▲滞后预期 18', '2', '85%']);
    const total = within(provinces).getByRole('row', { name: /合计/ });
    expect(within(total).getAllByRole('cell')[0]!.textContent).toBe('3');
    const trail = screen.getByRole('navigation', { name: '地区层级' });
    expect(within(trail).getByText('全部').getAttribute('aria-current')).toBe('page');

    fireEvent.click(within(provinces).getByRole('link', { name: '河北省' }));
    const cities = await screen.findByRole('table', { name: '各市汇总' });
    expect(router.state.location.search).toBe('?year=2023&province=13');
    expect(leagueCalls(calls).at(-1)).toMatchObject({ year: 2023, province: '13', offset: 0 });
    expect(within(trail).getByRole('link', { name: '全部' }).getAttribute('href')).toBe(
      '/districts?year=2023',
    );
    expect(within(trail).getByText('河北省').getAttribute('aria-current')).toBe('page');
    expect(names()).toEqual(['桥西区', '裕华区']);

    fireEvent.click(within(cities).getByRole('link', { name: '石家庄市' }));
    expect(await screen.findByText('石家庄市：2 个区县，已报送 2 个，未报送 0 个')).toBeTruthy();
    expect(router.state.location.search).toBe('?year=2023&city=1301');
    expect(leagueCalls(calls).at(-1)).toMatchObject({ city: '1301' });
    expect(screen.queryByRole('table', { name: /汇总/ })).toBeNull();
    expect(within(trail).getByRole('link', { name: '河北省' }).getAttribute('href')).toBe(
      '/districts?year=2023&province=13',
    );

    fireEvent.click(within(trail).getByRole('link', { name: '全部' }));
    expect(await screen.findByRole('table', { name: '各省汇总' })).toBeTruthy();
    expect(router.state.location.search).toBe('?year=2023');
  });

  it('a region with no district in scope is the server’s message, with a way back to all', async () => {
    serveProcedures({
      'scorecard.league': refusal('league.noRegion', { code: '99' }, 'NOT_FOUND', 404),
    });
    page('/districts?province=99&year=2023');
    expect((await screen.findByRole('alert')).textContent).toContain(
      '管辖范围内没有代码为“99”的地区的区县，请检查省份或城市代码。',
    );
    expect(screen.getByRole('link', { name: '返回全部区县' }).getAttribute('href')).toBe(
      '/districts?year=2023',
    );
  });
});

describe('DistrictsPage search, pages and downloads', () => {
  it('sends the search once typing pauses and keeps it in the URL', async () => {
    const calls = serveProcedures({
      'scorecard.league': (input: Input) => answer(input.q === '裕华' ? [rows3[1]!] : rows3)(input),
    });
    const router = page('/districts?show=reported');
    const box = await screen.findByRole('searchbox', { name: '搜索区县' });
    fireEvent.change(box, { target: { value: '裕' } });
    fireEvent.change(box, { target: { value: '裕华 ' } });
    await vi.waitFor(() =>
      expect(router.state.location.search).toBe('?show=reported&q=%E8%A3%95%E5%8D%8E'),
    );
    await vi.waitFor(() => expect(names()).toEqual(['裕华区']));
    // One request for what was typed, not one a keystroke.
    expect(leagueCalls(calls).map((c) => c.q)).toEqual([undefined, '裕华']);
    expect(leagueCalls(calls).at(-1)).toMatchObject({ show: 'reported', q: '裕华' });
    expect((box as HTMLInputElement).value).toBe('裕华 ');
  });

  it('says when nothing matches the search and clears it', async () => {
    serveProcedures({
      'scorecard.league': (input: Input) => answer(input.q ? [] : rows3)(input),
    });
    const router = page('/districts?q=%E6%97%A0&show=unreported&sort=name&order=asc');
    expect(await screen.findByText('没有名称或代码含“无”的区县。')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '没有符合条件的区县' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '清除搜索和筛选' }));
    await vi.waitFor(() => expect(names()).toEqual(['桥西区', '裕华区', '长安区']));
    expect(router.state.location.search).toBe('?sort=name&order=asc');
    expect((screen.getByRole('searchbox', { name: '搜索区县' }) as HTMLInputElement).value).toBe(
      '',
    );
  });

  it('fetches the next page when the last rows come into view, and offers to retry a failed one', async () => {
    const many = Array.from({ length: 230 }, (_, i) =>
      row(String(130200 + i), `区${String(i).padStart(3, '0')}`, 0.5),
    );
    let failNext = true;
    const calls = serveProcedures({
      'scorecard.league': (input: Input) => {
        if (input.offset === 200 && failNext) {
          failNext = false;
          return refusal('x', {}, 'INTERNAL_SERVER_ERROR', 500);
        }
        return answer(many)(input);
      },
    });
    // jsdom lays nothing out: a row is 60 px high here, the window 768 px.
    const height = vi
      .spyOn(HTMLElement.prototype, 'offsetHeight', 'get')
      .mockImplementation(function (this: HTMLElement) {
        return this.tagName === 'TR' ? 60 : 0;
      });
    page();
    expect(await screen.findByText('共 230 个区县，已显示 100 个')).toBeTruthy();
    // Only the rows near the window are in the page.
    expect(document.querySelectorAll('tr[data-index]').length).toBeLessThan(100);
    expect(leagueCalls(calls).map((c) => c.offset)).toEqual([0]);
    const scrollTo = (y: number) => {
      Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
      fireEvent.scroll(window);
    };
    scrollTo(5000);
    expect(await screen.findByText('共 230 个区县，已显示 200 个')).toBeTruthy();
    scrollTo(20000);
    await vi.waitFor(() => expect(leagueCalls(calls).map((c) => c.offset)).toEqual([0, 100, 200]));
    expect(await screen.findByRole('alert')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    expect(await screen.findByText('共 230 个区县，已显示 230 个')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
    expect(names().at(-1)).toBe('区229');
    height.mockRestore();
  }, 15_000);

  it('downloads every matching district as CSV with the filters shown, and says when it fails', async () => {
    const saved: { name: string; blob: Blob }[] = [];
    // jsdom has no object URLs; the download itself is the browser's.
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        saved.push({ name: '', blob });
        return 'blob:league';
      },
      revokeObjectURL: () => {},
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.at(-1)!.name = this.download;
    });
    let fail = false;
    const calls = serveProcedures({
      'scorecard.league': answer(rows3),
      'scorecard.leagueExport': () =>
        fail
          ? refusal('league.noRegion', { code: '13' }, 'NOT_FOUND', 404)
          : { filename: '区县对比-2023.csv', base64: btoa('code,name\n'), rows: 3 },
    });
    page('/districts?province=13&q=%E5%8C%BA&sort=code&order=asc');
    fireEvent.click(await screen.findByRole('button', { name: '下载 CSV' }));
    expect(screen.getByRole('button', { name: '正在生成…' }).hasAttribute('disabled')).toBe(true);
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('区县对比-2023.csv');
    expect([saved[0]!.blob.size, saved[0]!.blob.type]).toEqual([10, 'text/csv;charset=utf-8']);
    expect(calls.find((c) => c.procedure === 'scorecard.leagueExport')?.input).toEqual({
      province: '13',
      q: '区',
      show: 'all',
      sort: 'code',
      order: 'asc',
      format: 'csv',
    });
    expect(await screen.findByRole('button', { name: '下载 CSV' })).toBeTruthy();

    fail = true;
    fireEvent.click(screen.getByRole('button', { name: '下载 Excel' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '下载失败：管辖范围内没有代码为“13”的地区的区县，请检查省份或城市代码。',
    );
    click.mockRestore();
  });
});

describe('DistrictsPage at a year some districts did not report', () => {
  const at2024 = answer(
    [
      { ...row('130104', '桥西区', 0.55, 1), year: 2024, dataYear: 2024 },
      unreported('130108', '裕华区', 0.63),
      row('130102', '长安区', null),
    ],
    { year: 2024 },
  );

  it('shows 未报送 with its data year instead of grades', async () => {
    serveProcedures({ 'scorecard.league': at2024 });
    page('/districts?year=2024');
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
    expect(within(qiaoxi).getAllByText('55%')).toHaveLength(1);
  });

  it('explains every colour of the heat map in a legend', async () => {
    serveProcedures({ 'scorecard.league': at2024 });
    page();
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

  it('reads the sort and the filter from the URL, sends them and writes them back', async () => {
    const calls = serveProcedures({ 'scorecard.league': at2024 });
    const router = page('/districts?year=2024&sort=warnings&order=asc');
    const header = within(await screen.findByRole('table', { name: '区县对比表' })).getByRole(
      'columnheader',
      { name: /约束性预警/ },
    );
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(leagueCalls(calls)[0]).toMatchObject({ year: 2024, sort: 'warnings', order: 'asc' });
    fireEvent.click(within(header).getByRole('button'));
    expect(router.state.location.search).toBe('?year=2024&sort=warnings&order=desc');
    expect(header.getAttribute('aria-sort')).toBe('descending');
    await vi.waitFor(() =>
      expect(leagueCalls(calls).at(-1)).toMatchObject({ sort: 'warnings', order: 'desc' }),
    );

    const filter = screen.getByRole('combobox', { name: '报送情况' }) as HTMLSelectElement;
    expect(filter.value).toBe('all');
    fireEvent.change(filter, { target: { value: 'unreported' } });
    expect(router.state.location.search).toBe(
      '?year=2024&sort=warnings&order=desc&show=unreported',
    );
    await vi.waitFor(() => expect(leagueCalls(calls).at(-1)).toMatchObject({ show: 'unreported' }));

    fireEvent.change(screen.getByRole('combobox', { name: '排序' }), { target: { value: 'name' } });
    expect(router.state.location.search).toBe('?year=2024&sort=name&order=asc&show=unreported');
    fireEvent.click(screen.getByRole('button', { name: /升序/ }));
    expect(router.state.location.search).toBe('?year=2024&sort=name&order=desc&show=unreported');
    fireEvent.change(screen.getByRole('combobox', { name: '排序' }), { target: { value: 'rank' } });
    expect(router.state.location.search).toBe('?year=2024&show=unreported');
  });

  it('ignores a sort or filter the server does not know', async () => {
    const calls = serveProcedures({ 'scorecard.league': at2024 });
    page('/districts?show=some&sort=nonsense&order=up');
    await screen.findByRole('row', { name: /裕华区/ });
    expect(leagueCalls(calls)[0]).toMatchObject({ show: 'all', sort: 'rank', order: 'desc' });
    expect((screen.getByRole('combobox', { name: '报送情况' }) as HTMLSelectElement).value).toBe(
      'all',
    );
  });
});

describe('leagueView', () => {
  it('turns the sorted column round; another column starts in its own default order', () => {
    expect(toggledSort({ key: 'share', descending: true }, 'share')).toEqual({
      key: 'share',
      descending: false,
    });
    expect(toggledSort({ key: 'share', descending: true }, 'code')).toEqual({
      key: 'code',
      descending: false,
    });
    expect(toggledSort({ key: 'code', descending: false }, 'warnings')).toEqual({
      key: 'warnings',
      descending: true,
    });
  });

  it('moves between regions keeping the rest of the URL', () => {
    const p = new URLSearchParams('period=2021-2025&province=13&q=区&sort=code&order=asc');
    expect(withRegion(p, { level: 'city', code: '1301' }).toString()).toBe(
      'period=2021-2025&q=%E5%8C%BA&sort=code&order=asc&city=1301',
    );
    expect(withRegion(p, null).toString()).toBe('period=2021-2025&q=%E5%8C%BA&sort=code&order=asc');
    expect(leagueFilters(new URLSearchParams('city=1301&q=%20%20&year=1800'))).toEqual({
      city: '1301',
      show: 'all',
      sort: 'rank',
      order: 'desc',
    });
  });
});

describe('DistrictsPage across plan periods', () => {
  const two = { periods: [period(2020, 2023, 2025, 3), period(2025, 2028, 2030, 1)] };
  /** The league as the server answers it: of the period asked for, else of the 14th plan. */
  const byPeriod = (input: Input & { period?: string; year?: number } = {}) =>
    input.period === '2026-2030'
      ? answer([{ ...row('130108', '裕华区', 0.5), year: 2026 }, row('130104', '桥西区', null)], {
          ...two,
          period: '2026-2030',
          year: input.year ?? 2026,
          years: [2026, 2027, 2028, 2029, 2030],
        })(input)
      : answer(rows3, { ...two, year: input.year ?? 2025 })(input);

  it('compares one period: the switcher keeps it in the URL and the request, links carry it', async () => {
    const calls = serveProcedures({ 'scorecard.league': byPeriod });
    const router = page();
    const switcher = await screen.findByRole('navigation', { name: '规划期' });
    const current = within(switcher).getByRole('link', { name: '查看十四五（2021–2025）' });
    expect(current.getAttribute('aria-current')).toBe('page');
    expect(screen.getByText('十四五（2021–2025）')).toBeTruthy();
    expect(screen.getByText('3 个区县有该期规划')).toBeTruthy();

    fireEvent.click(within(switcher).getByRole('link', { name: '查看十五五（2026–2030）' }));
    expect(await screen.findByText('十五五（2026–2030）')).toBeTruthy();
    expect(router.state.location.search).toBe('?period=2026-2030');
    expect(leagueCalls(calls).at(-1)).toMatchObject({ period: '2026-2030' });
    expect(leagueCalls(calls).at(-1)?.year).toBeUndefined();
    const qiaoxi = await screen.findByRole('row', { name: /桥西区.*无该期规划/ });
    expect(
      within(qiaoxi).getByRole('link', { name: '打开 桥西区 的总览' }).getAttribute('href'),
    ).toBe('/d/130104');
    expect(screen.getByRole('link', { name: '打开 裕华区 的总览' }).getAttribute('href')).toBe(
      '/d/130108?year=2026&period=2026-2030',
    );
  });

  it('offers the period’s years, marks mid-term and end, and keeps the year in the URL', async () => {
    const calls = serveProcedures({ 'scorecard.league': byPeriod });
    const router = page('/districts?period=2026-2030');
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
      expect(leagueCalls(calls).at(-1)).toMatchObject({ period: '2026-2030', year: 2028 }),
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
    page('/districts?period=2031-2035');
    expect((await screen.findByRole('alert')).textContent).toContain(
      '管辖范围内没有区县有十六五（2031–2035）规划。',
    );
    expect(screen.getByRole('link', { name: '打开当前规划期的对比' }).getAttribute('href')).toBe(
      '/districts',
    );
  });
});
