import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n';
import { renderInDistrict, serveProcedures } from '../../lib/testing';
import { ChangeArrow } from './ChangeArrow';
import { row, scorecard } from './fixture';
import { ScorecardPage } from './ScorecardPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const card = scorecard([
  row({ seq: 1, name: '创新平台', category: '创新驱动', leadDepartment: '区科技局' }),
  row({ seq: 2, name: '研发投入', category: '创新驱动', status: 'ahead', leadDepartment: null }),
  row({
    seq: 3,
    name: '细颗粒物浓度',
    category: '绿色生态',
    status: 'lagging',
    attribute: 'binding',
    bindingWarning: true,
    leadDepartment: '区生态环境分局',
  }),
  row({
    seq: 4,
    name: '森林覆盖率',
    category: '绿色生态',
    status: 'lagging',
    attribute: 'binding',
    leadDepartment: '区生态环境分局',
  }),
]);

const indicatorRows = () =>
  screen
    .queryAllByRole('row')
    .map((r) => within(r).queryByRole('rowheader')?.textContent ?? '')
    .filter((t) => t !== '')
    .map((t) => t.replace(/\s.*$/, ''));

const open = (path = '/d/130108?period=2021-2025&year=2023') => {
  serveProcedures({ 'scorecard.district': card });
  return renderInDistrict(<ScorecardPage />, 'zh-CN', path);
};
const filter = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;

describe('the scorecard’s filters', () => {
  it('offer each grade, area, attribute and 牵头单位 the plan has, with counts', async () => {
    open();
    await screen.findByRole('region', { name: '筛选指标' });
    const options = (name: string) => [...filter(name).options].map((o) => o.textContent);
    expect(options('评价状态')).toEqual([
      '全部',
      '快于预期（1）',
      '基本符合预期（1）',
      '滞后预期（2）',
    ]);
    expect(options('领域')).toEqual(['全部', '创新驱动（2）', '绿色生态（2）']);
    expect(options('指标属性')).toEqual(['全部', '约束性（2）', '预期性（2）']);
    expect(options('牵头单位')).toEqual([
      '全部',
      '区科技局（1）',
      '区生态环境分局（2）',
      '未明确（1）',
    ]);
    expect(screen.getByRole('status').textContent).toBe('显示 4 / 4 项');
    expect(screen.queryByRole('button', { name: '清除筛选' })).toBeNull();
  });

  it('filter by department and grade in the URL, keeping period and year; clear drops only them', async () => {
    const router = open();
    await screen.findByRole('region', { name: '筛选指标' });
    fireEvent.change(filter('牵头单位'), { target: { value: '区生态环境分局' } });
    await vi.waitFor(() => expect(indicatorRows()).toEqual(['3.', '4.']));
    expect(screen.getByRole('status').textContent).toBe('显示 2 / 4 项');
    fireEvent.change(filter('指标属性'), { target: { value: 'binding' } });
    fireEvent.change(filter('评价状态'), { target: { value: 'lagging' } });
    await vi.waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).toString()).toBe(
        new URLSearchParams({
          period: '2021-2025',
          year: '2023',
          department: '区生态环境分局',
          attribute: 'binding',
          status: 'lagging',
        }).toString(),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await vi.waitFor(() =>
      expect(router.state.location.search).toBe('?period=2021-2025&year=2023'),
    );
    expect(indicatorRows()).toEqual(['1.', '2.', '3.', '4.']);
  });

  it('read the URL they were left in (a reload, Back), 未明确 included', async () => {
    open('/d/130108?period=2021-2025&department=-');
    await screen.findByRole('region', { name: '筛选指标' });
    expect(filter('牵头单位').value).toBe('-');
    expect(indicatorRows()).toEqual(['2.']);
    expect(screen.getByRole('status').textContent).toBe('显示 1 / 4 项');
  });

  it('say so when nothing matches, with a way out', async () => {
    open('/d/130108?category=创新驱动&status=lagging');
    expect(await screen.findByText('没有符合筛选条件的指标。')).toBeTruthy();
    expect(indicatorRows()).toEqual([]);
    fireEvent.click(screen.getAllByRole('button', { name: '清除筛选' })[0]!);
    await vi.waitFor(() => expect(indicatorRows()).toHaveLength(4));
  });
});

describe('ChangeArrow', () => {
  const show = (change: Parameters<typeof ChangeArrow>[0]['change'], locale: 'zh-CN' | 'en') =>
    render(
      <I18nProvider locale={locale}>
        <ChangeArrow change={change} unit="微克/立方米" />
      </I18nProvider>,
    );

  it('a falling PM2.5 is ↓ and better, both years’ figures in its label and title', () => {
    show(
      { year: 2023, value: 33, previousYear: 2022, previous: 36, move: 'down', better: true },
      'zh-CN',
    );
    const arrow = screen.getByRole('img');
    expect(arrow.textContent).toBe('↓ −3');
    expect(arrow.className).toContain('change-better');
    expect(arrow.getAttribute('aria-label')).toBe(
      '比上年下降，向好（2022 年 36微克/立方米，2023 年 33微克/立方米）',
    );
    expect(arrow.getAttribute('title')).toBe(arrow.getAttribute('aria-label'));
  });

  it('a rise the indicator does not want is worse; flat and directionless are neither', () => {
    show(
      { year: 2023, value: 38, previousYear: 2022, previous: 36, move: 'up', better: false },
      'en',
    );
    expect(screen.getByRole('img').className).toContain('change-worse');
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'up on the year before, worse (2022: 36微克/立方米; 2023: 38微克/立方米)',
    );
    cleanup();
    show(
      { year: 2023, value: 36, previousYear: 2022, previous: 36, move: 'flat', better: null },
      'zh-CN',
    );
    expect(screen.getByRole('img').textContent).toBe('→');
    expect(screen.getByRole('img').className).toContain('change-same');
    cleanup();
    show(null, 'zh-CN');
    expect(screen.queryByRole('img')).toBeNull();
  });
});
