import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entryGrid } from '@pm/core';
import { Shell } from '../../components/Shell';
import type { Locale } from '../../i18n';
import type { PlanRef } from '../../lib/period';
import { plan14, plan15, refusal, renderAt, serveProcedures } from '../../lib/testing';
import { EntryPage } from '../entry/EntryPage';
import { plan as planFile } from '../entry/fixture';
import { row, scorecard } from '../scorecard/fixture';
import { ScorecardPage } from '../scorecard/ScorecardPage';
import { DistrictLayout } from './DistrictLayout';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const official = { id: 1, username: 'wang', displayName: '王', role: 'official', districts: 'all' };
const yuhua = { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' };

/** Shows where the page is, for the pages this test does not render. */
function Probe() {
  const { pathname, search } = useLocation();
  return <p data-testid="probe">{pathname + search}</p>;
}

const routes = [
  {
    element: <Shell />,
    children: [
      {
        path: 'd/:code',
        element: <DistrictLayout />,
        children: [
          { index: true, element: <ScorecardPage /> },
          { path: 'entry', element: <EntryPage /> },
          { path: 'evaluation', element: <Probe /> },
        ],
      },
    ],
  },
];

type Input = { period?: string; year?: number };
const planOf = (input: Input, plans: PlanRef[]) =>
  plans.find((p) => p.period === input.period) ?? plans[0]!;

/** The server as the pages meet it: a district with these plans, the reporting year 2025. */
function serve(plans: PlanRef[] = [plan14, plan15], defaultPeriod = plans[0]!.period) {
  return serveProcedures({
    'auth.me': official,
    'districts.list': [{ ...yuhua, planTitle: null, indicatorCount: 0, periods: [] }],
    'districts.get': { ...yuhua, planTitle: 'mixed', indicatorCount: 40, periods: [] },
    'plans.periods': { reportingYear: 2025, defaultPeriod, periods: plans },
    'scorecard.district': (input: Input) => {
      const plan = planOf(input, plans);
      return {
        ...scorecard([row({ seq: 1, name: `${plan.name}指标` })], {
          year: input.year ?? plan.targetYear,
        }),
        plan,
      };
    },
    'values.grid': (input: Input & { year: number }) => {
      const plan = planOf(input, plans);
      if (input.year < plan.baselineYear || input.year > plan.targetYear)
        return refusal('plan.yearOutside', {
          year: input.year,
          plan: plan.label,
          first: plan.baselineYear,
          last: plan.targetYear,
        });
      const file = { ...planFile, plan: { ...planFile.plan, ...plan } };
      return { ...entryGrid(file, [], input.year), plan };
    },
    'values.completeness': [],
  });
}

const inputsOf = (calls: { procedure: string; input: unknown }[], procedure: string) =>
  calls.filter((c) => c.procedure === procedure).map((c) => c.input);

function open(path: string, locale: Locale = 'zh-CN') {
  return renderAt(routes, path, locale);
}

describe('DistrictLayout across plan periods', () => {
  it('without ?period opens the server’s default plan, names it, and the URL then says which', async () => {
    const calls = serve();
    const router = open('/d/130108');
    expect(await screen.findByText('十四五指标', { exact: false })).toBeTruthy();
    expect(router.state.location.search).toBe('?period=2021-2025');
    const heading = screen.getByLabelText('当前规划');
    expect(heading.textContent).toBe(`十四五（2021–2025） ${plan14.title}`);
    expect(screen.getByText(/主要指标 3 项/)).toBeTruthy();
    expect(inputsOf(calls, 'scorecard.district')).toEqual([
      { district: '130108', period: '2021-2025' },
    ]);
  });

  it('the switcher keeps the page, drops the other plan’s year, and every link carries the period', async () => {
    const calls = serve();
    const router = open('/d/130108/entry?period=2021-2025&year=2024');
    const switcher = await screen.findByRole('navigation', { name: '规划期' });
    expect(
      within(switcher)
        .getByRole('link', { name: '查看十四五（2021–2025）' })
        .getAttribute('aria-current'),
    ).toBe('page');
    expect(await screen.findByRole('combobox', { name: '年度' })).toBeTruthy();

    fireEvent.click(within(switcher).getByRole('link', { name: '查看十五五（2026–2030）' }));
    const year = (await screen.findByRole('combobox', { name: '年度' })) as HTMLSelectElement;
    expect(router.state.location.pathname).toBe('/d/130108/entry');
    expect(router.state.location.search).toBe('?period=2026-2030');
    expect(screen.getByLabelText('当前规划').textContent).toContain(plan15.title);
    expect(screen.getByText(/主要指标 5 项/)).toBeTruthy();
    expect(year.value).toBe('2026');
    expect(inputsOf(calls, 'values.grid').at(-1)).toEqual({
      district: '130108',
      period: '2026-2030',
      year: 2026,
    });
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(within(nav).getByRole('link', { name: '总览' }).getAttribute('href')).toBe(
      '/d/130108?period=2026-2030',
    );
    expect(within(nav).getByRole('link', { name: '填报' }).getAttribute('href')).toBe(
      '/d/130108/entry?period=2026-2030',
    );
    expect(within(nav).getByRole('link', { name: '全部区县' }).getAttribute('href')).toBe(
      '/districts?period=2026-2030',
    );
  });

  it('keeps the evaluation page too', async () => {
    serve();
    open('/d/130108/evaluation?period=2021-2025&round=3');
    const switcher = await screen.findByRole('navigation', { name: '规划期' });
    fireEvent.click(within(switcher).getByRole('link', { name: '查看十五五（2026–2030）' }));
    expect((await screen.findByTestId('probe')).textContent).toBe(
      '/d/130108/evaluation?period=2026-2030',
    );
  });

  it('a year in the URL without a period opens the plan whose period covers it', async () => {
    const calls = serve();
    const router = open('/d/130108?year=2028');
    expect(await screen.findByText('十五五指标', { exact: false })).toBeTruthy();
    expect(new URLSearchParams(router.state.location.search).get('period')).toBe('2026-2030');
    expect(inputsOf(calls, 'scorecard.district').at(-1)).toMatchObject({
      period: '2026-2030',
      year: 2028,
    });
  });

  it('with only one plan shows its label and no switcher, in English too', async () => {
    serve([plan14]);
    open('/d/130108', 'en');
    expect((await screen.findByLabelText('Plan shown')).textContent).toBe(
      `14th FYP (2021–2025) ${plan14.title}`,
    );
    expect(screen.queryByRole('navigation', { name: 'Plan period' })).toBeNull();
  });

  it('a period the district has no plan of says which it has, with the switcher to them', async () => {
    const calls = serve();
    open('/d/130108/entry?period=2031-2035');
    expect(
      await screen.findByText(
        '该区县没有十六五（2031–2035）规划（现有：十四五（2021–2025）、十五五（2026–2030））。',
      ),
    ).toBeTruthy();
    const switcher = screen.getByRole('navigation', { name: '规划期' });
    expect(
      within(switcher).getByRole('link', { name: '查看十五五（2026–2030）' }).getAttribute('href'),
    ).toBe('/d/130108/entry?period=2026-2030');
    expect(inputsOf(calls, 'values.grid')).toEqual([]);
  });

  it('a period that cannot be read says how to write one', async () => {
    serve();
    open('/d/130108?period=next');
    expect(
      await screen.findByText(
        '网址中的规划期“next”无法识别：应写作 2021-2025（规划首年和目标年）、14 或 十四五。',
      ),
    ).toBeTruthy();
  });

  it('the district’s figures are its plan’s, not every plan counted together', async () => {
    serve();
    open('/d/130108?period=2026-2030');
    expect(await screen.findByText(/主要指标 5 项/)).toBeTruthy();
    expect(screen.queryByText(/主要指标 40 项/)).toBeNull();
  });
});

describe('the entry year picker', () => {
  it('offers the plan’s years, its baseline year first, and opens at the reporting year within it', async () => {
    serve();
    open('/d/130108/entry?period=2021-2025');
    const year = (await screen.findByRole('combobox', { name: '年度' })) as HTMLSelectElement;
    expect([...year.options].map((o) => o.value)).toEqual([
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
    expect(year.options[0]!.textContent).toContain('基期');
    expect(year.value).toBe('2025');
  });

  it('choosing a year keeps the period in the URL', async () => {
    serve();
    const router = open('/d/130108/entry?period=2026-2030');
    const year = (await screen.findByRole('combobox', { name: '年度' })) as HTMLSelectElement;
    fireEvent.change(year, { target: { value: '2027' } });
    await vi.waitFor(() =>
      expect(router.state.location.search).toBe('?period=2026-2030&year=2027'),
    );
  });

  it('a year outside the plan is the server’s message, with the way to the plan’s year', async () => {
    serve();
    open('/d/130108/entry?period=2026-2030&year=2024');
    expect((await screen.findByRole('alert')).textContent).toContain(
      '2024 年不在十五五（2026–2030）内：可选 2025–2030 年。',
    );
    expect(screen.getByRole('link', { name: '转到 2026 年' }).getAttribute('href')).toBe(
      '/d/130108/entry?period=2026-2030&year=2026',
    );
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
  });
});
