import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  carryOverProposals,
  carryOverWords,
  type Indicator,
  type ManualMatch,
  type Target,
} from '@pm/core';
import { plan14, plan15, refusal, renderAt, serveProcedures } from '../../lib/testing';
import { CarryOverPanel } from './CarryOverPanel';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const blank: Target = {
  form: 'level',
  baseline: null,
  value: 100,
  rate: null,
  cumulative: null,
  sumOf: null,
  comparator: null,
  tolerance: null,
  direction: 'increase',
  linkedTo: null,
  baselineYear: null,
};

const indicator = (seq: number, name: string, unit: string, baseline: number | null = null) =>
  ({
    seq,
    category: '经济发展',
    name,
    unit,
    attribute: 'expected',
    leadDepartment: null,
    raw: {
      baseline: baseline === null ? '—' : String(baseline),
      target: '100',
      rate: null,
      attribute: null,
    },
    target: { ...blank, baseline },
    revisions: [],
    source: { document: '测试规划', line: null, kind: 'table', quote: null },
  }) satisfies Indicator;

// A synthetic district 999001 测试区 whose next plan is a test plan, not a real 15th plan.
const previous = {
  plan: plan14,
  indicators: [
    indicator(1, '地区生产总值', '亿元'),
    indicator(2, '研发经费投入强度', '%'),
    indicator(3, '森林覆盖率', '%'),
  ],
};
const next = {
  plan: plan15,
  indicators: [
    indicator(1, '地区生产总值', '亿元'),
    indicator(2, '研发经费投入强度', '%', 2.4),
    indicator(3, '森林覆盖率', '%'),
    indicator(4, '数字经济核心产业增加值占比', '%'),
  ],
};
const figures = [
  { seq: 1, year: 2025, kind: 'actual' as const, value: 412.5 },
  { seq: 2, year: 2025, kind: 'actual' as const, value: 2.14 },
  { seq: 3, year: 2025, kind: 'actual' as const, value: 36.2 },
];

/** The server's answer: core's proposals for the manual matches asked. */
function proposals(input: unknown, stored: { seq: number; value: number }[] = []) {
  const { matches = [] } = input as { matches?: ManualMatch[] };
  const { year, rows } = carryOverProposals(previous, figures, next, matches, {
    stored: stored.map((s) => ({ ...s, year: 2025, kind: 'actual', state: 'draft' })),
  });
  return {
    plan: plan15,
    previous: plan14,
    year,
    previousIndicators: previous.indicators.map(({ seq, name, unit }) => ({ seq, name, unit })),
    rows: rows.map((r) => ({ ...r, words: carryOverWords(r, year) })),
  };
}

const district = (periods: (typeof plan14)[]) => ({
  code: '999001',
  name: '测试区',
  city: '测试市',
  province: '测试省',
  planTitle: plan15.title,
  indicatorCount: 4,
  periods: periods.map((p) => ({ period: p.period, name: p.name, label: p.label })),
});

const render = () => renderAt([{ path: '/', element: <CarryOverPanel /> }], '/');
const row = (name: RegExp) => screen.getByRole('rowheader', { name }).closest('tr')!;

describe('承接上期基数', () => {
  it('shows each proposal with both numbers, and marks a printed baseline that differs', async () => {
    serveProcedures({
      'districts.list': [district([plan15, plan14])],
      'carryOver.proposals': proposals,
    });
    render();
    expect(
      await screen.findByText('从十四五（2021–2025）承接到十五五（2026–2030）：2025 年审定值'),
    ).toBeTruthy();
    const gdp = row(/地区生产总值/);
    expect(within(gdp).getByText('承接 2025 年审定值 412.5 为基数')).toBeTruthy();
    expect(within(gdp).getByRole<HTMLInputElement>('checkbox').checked).toBe(true);
    const rd = row(/研发经费投入强度/);
    expect(rd.className).toBe('disagree');
    expect(within(rd).getByText('不一致')).toBeTruthy();
    expect(within(rd).getByText('2.4')).toBeTruthy();
    expect(within(rd).getByText('2.14')).toBeTruthy();
    expect(within(rd).getByText('+12.1%')).toBeTruthy();
    expect(within(rd).getByRole<HTMLInputElement>('checkbox').disabled).toBe(true);
    expect(within(row(/数字经济/)).getByText('上期规划无同名同单位指标')).toBeTruthy();
    expect(screen.getByRole('button', { name: '应用（2 项）' })).toBeTruthy();
  });

  it('a match by hand asks the server again and offers the figure of the indicator chosen', async () => {
    const calls = serveProcedures({
      'districts.list': [district([plan14, plan15])],
      'carryOver.proposals': proposals,
    });
    render();
    const select = await screen.findByRole('combobox', {
      name: '数字经济核心产业增加值占比 对应的上期指标',
    });
    fireEvent.change(select, { target: { value: '2' } });
    await waitFor(() =>
      expect(within(row(/数字经济/)).getByText('承接 2025 年审定值 2.14 为基数')).toBeTruthy(),
    );
    expect(within(row(/数字经济/)).getByText('手动匹配')).toBeTruthy();
    expect(calls.filter((c) => c.procedure === 'carryOver.proposals').at(-1)?.input).toEqual({
      district: '999001',
      period: '2026-2030',
      matches: [{ seq: 4, previousSeq: 2 }],
    });
    expect(screen.getByRole('button', { name: '应用（3 项）' })).toBeTruthy();
  });

  it('applies the ticked proposals and says how many were carried over', async () => {
    const calls = serveProcedures({
      'districts.list': [district([plan14, plan15])],
      'carryOver.proposals': proposals,
      'carryOver.accept': (input: unknown) => {
        const { items } = input as { items: { seq: number }[] };
        return { plan: plan15, year: 2025, applied: items.map((i) => ({ seq: i.seq })) };
      },
    });
    render();
    fireEvent.click(await screen.findByRole('checkbox', { name: '承接 森林覆盖率' }));
    fireEvent.click(screen.getByRole('button', { name: '应用（1 项）' }));
    expect(
      await screen.findByText('已将 1 项 2025 年审定值承接为十五五（2026–2030）的基数。'),
    ).toBeTruthy();
    expect(calls.find((c) => c.procedure === 'carryOver.accept')?.input).toEqual({
      district: '999001',
      period: '2026-2030',
      items: [{ seq: 1, previousSeq: 1 }],
      overwrite: false,
    });
  });

  it('replaces a figure the new plan has only when that is ticked', async () => {
    const calls = serveProcedures({
      'districts.list': [district([plan14, plan15])],
      'carryOver.proposals': (input: unknown) => proposals(input, [{ seq: 3, value: 36 }]),
      'carryOver.accept': { plan: plan15, year: 2025, applied: [] },
    });
    render();
    expect(await screen.findByText('承接 2025 年审定值 36.2，替换现有 36')).toBeTruthy();
    fireEvent.click(
      screen.getByRole('checkbox', { name: '替换新规划中已有的 2025 年数据（1 项）' }),
    );
    fireEvent.click(screen.getByRole('button', { name: '应用（2 项）' }));
    await screen.findByText(/已将 0 项 2025 年审定值/);
    expect(calls.find((c) => c.procedure === 'carryOver.accept')?.input).toMatchObject({
      overwrite: true,
    });
  });

  it("shows the server's refusal of an apply", async () => {
    serveProcedures({
      'districts.list': [district([plan14, plan15])],
      'carryOver.proposals': proposals,
      'carryOver.accept': refusal(
        'carryOver.figureExists',
        { indicators: '1 地区生产总值', year: 2025 },
        'CONFLICT',
        409,
      ),
    });
    render();
    fireEvent.click(await screen.findByRole('button', { name: '应用（2 项）' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      '1 地区生产总值 已有 2025 年数据',
    );
  });

  it('says so when no plan follows another, or the plan has none before it', async () => {
    serveProcedures({ 'districts.list': [district([plan14])] });
    render();
    expect(await screen.findByText(/暂无可承接的规划/)).toBeTruthy();
    cleanup();
    serveProcedures({
      'districts.list': [district([plan14, plan15])],
      'carryOver.proposals': { ...proposals({}), previous: null, rows: [] },
    });
    render();
    expect(
      await screen.findByText('十五五（2026–2030）之前没有上期规划，无可承接的数据。'),
    ).toBeTruthy();
  });

  it('an error loading the proposals is shown with a retry', async () => {
    serveProcedures({
      'districts.list': [district([plan14, plan15])],
      'carryOver.proposals': refusal('plans.notFound', {}, 'NOT_FOUND', 404),
    });
    render();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('该区县尚未导入规划。');
    expect(within(alert).getByRole('button', { name: '重试' })).toBeTruthy();
  });
});
