import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plan14, plan15, renderInDistrict, serveProcedures, yuhua } from '../../lib/testing';
import { row, scorecard } from './fixture';
import { ScorecardPage } from './ScorecardPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const midway = scorecard([
  row({ seq: 1, name: '创新平台', status: 'achieved' }),
  row({ seq: 2, name: '研发投入', status: 'ahead' }),
  row({ seq: 3, name: '专利', status: 'lagging', attribute: 'binding', bindingWarning: true }),
  row({ seq: 4, name: '空气质量', status: 'no_data', phase: 'progress' }),
]);

const end = scorecard(
  [
    row({ seq: 1, name: '创新平台', status: 'achieved', phase: 'end' }),
    row({ seq: 2, name: '研发投入', status: 'basically_achieved', phase: 'end' }),
    row({
      seq: 3,
      name: '专利',
      status: 'not_achieved',
      phase: 'end',
      attribute: 'binding',
      bindingWarning: true,
    }),
  ],
  { year: 2025 },
);

const tile = (label: RegExp) => {
  const found = [...document.querySelectorAll('.tile')].find((t) =>
    label.test(t.querySelector('.tile-label')?.textContent ?? ''),
  );
  if (!found) throw new Error(`no tile ${label}`);
  return found;
};
const counts = () =>
  [...tile(/各状态指标数|Indicators by status/).querySelectorAll('li')].map((li) =>
    li.textContent?.replace(/\s+/g, ' '),
  );

describe('ScorecardPage', () => {
  it('counts midway in the five progress grades and says which count as on track', async () => {
    serveProcedures({ 'scorecard.district': midway });
    renderInDistrict(<ScorecardPage />);
    expect(await screen.findByText('基本符合预期及以上')).toBeTruthy();
    expect(tile(/基本符合预期及以上/).textContent).toContain(
      '提前实现、快于预期和基本符合预期占纳入评价指标（4 项）的比例',
    );
    expect(counts()).toEqual([
      '★提前实现 1',
      '»快于预期 1',
      '✓基本符合预期 0',
      '▲滞后预期 1',
      '✕严重滞后 0',
      '?无数据 1',
    ]);
    expect(tile(/约束性指标预警/).textContent).toContain(
      '约束性指标中滞后预期、严重滞后和无数据的项数',
    );
    const innovation = screen.getByRole('row', { name: /创新平台/ });
    expect(within(innovation).getByText('提前实现')).toBeTruthy();
  });

  it('grades the end in 完成, 基本完成 and 未完成', async () => {
    serveProcedures({ 'scorecard.district': end });
    renderInDistrict(<ScorecardPage />);
    expect(await screen.findByText('基本完成及以上')).toBeTruthy();
    expect(tile(/基本完成及以上/).textContent).toContain(
      '完成和基本完成占纳入评价指标（3 项）的比例',
    );
    expect(counts()).toEqual(['★完成 1', '◐基本完成 1', '⊘未完成 1']);
    expect(within(screen.getByRole('row', { name: /创新平台/ })).getByText('完成')).toBeTruthy();
    const warnings = screen.getByRole('region', { name: /约束性指标预警/ });
    expect(within(warnings).getByText('未完成')).toBeTruthy();
    expect(screen.getByRole('option', { name: '2025 年（期末）' })).toBeTruthy();
  });

  it('says in English which grades count as on track at the end', async () => {
    serveProcedures({ 'scorecard.district': end });
    renderInDistrict(<ScorecardPage />, 'en');
    expect(await screen.findByText('Basically achieved or better')).toBeTruthy();
    expect(tile(/Basically achieved or better/).textContent).toContain(
      'Indicators achieved or basically achieved, as a share of the 3 assessed',
    );
  });

  it('keeps v1’s words for a round finalized under v1', async () => {
    const v1 = scorecard(
      [
        row({ seq: 1, name: '创新平台', status: 'achieved' }),
        row({
          seq: 2,
          name: '研发投入',
          status: 'on_track',
          override: { computed: 'lagging', reason: '口径调整' },
        }),
      ],
      { rules: 'v1', mode: 'finalized' },
    );
    serveProcedures({ 'scorecard.district': v1 });
    renderInDistrict(<ScorecardPage />);
    expect(await screen.findByText('符合预期及以上')).toBeTruthy();
    expect(tile(/符合预期及以上/).textContent).toContain('已完成和符合预期占纳入评价指标');
    expect(counts()).toEqual(['★已完成 1', '✓符合预期 1', '▲进度滞后 0', '✕严重滞后 0']);
    expect(screen.getByText('评估调整：原计算状态为“进度滞后”。理由：口径调整')).toBeTruthy();
  });

  it('opens a finalized year on its finalized result, the live figures one click away, and prints which', async () => {
    const finalizedAt = '2024-03-20T02:00:00.000Z' as unknown as Date;
    const live = {
      ...scorecard([row({ seq: 17, name: '细颗粒物浓度', status: 'seriously_lagging' })]),
      finalizedYears: [2023],
    };
    const frozen = {
      ...scorecard([row({ seq: 17, name: '细颗粒物浓度', status: 'lagging' })], {
        mode: 'finalized',
      }),
      round: { id: 3, finalizedBy: 'reviewer', finalizedAt },
      finalizedYears: [2023],
    };
    const calls = serveProcedures({
      'scorecard.district': (input: { mode?: string }) =>
        input.mode === 'finalized' ? frozen : live,
    });
    renderInDistrict(<ScorecardPage />, 'zh-CN', '/d/130108?year=2023');
    expect(await screen.findByText(/本页为 2023 年评估的定稿结果/)).toBeTruthy();
    const pm = screen.getByRole('row', { name: /细颗粒物浓度/ });
    expect(within(pm).getByText('滞后预期')).toBeTruthy();
    expect(calls.some((c) => (c.input as { mode?: string }).mode === 'finalized')).toBe(true);
    const printed = screen.getByTestId('print-header').textContent ?? '';
    expect(printed).toContain('裕华区 ·《裕华区“十四五”规划》');
    expect(printed).toContain('评估年度：2023 年');
    expect(printed).toMatch(/数据口径：2023 年评估定稿结果（2024年3月20日 定稿）/);
    expect(printed).toMatch(/打印时间：\d{4}年\d{1,2}月\d{1,2}日/);

    fireEvent.click(screen.getByRole('button', { name: '查看实时数据' }));
    expect(
      await screen.findByText(/当前为实时数据，可能与 2023 年已定稿的评估结果不同/),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('row', { name: /细颗粒物浓度/ })).getByText('严重滞后'),
    ).toBeTruthy();
    expect(screen.getByTestId('print-header').textContent).toContain(
      '数据口径：实时数据（打印时已审核通过的数据）',
    );
    fireEvent.click(screen.getByRole('button', { name: '查看定稿结果' }));
    expect(await screen.findByText(/本页为 2023 年评估的定稿结果/)).toBeTruthy();
  });

  it('a year without a finalized round shows live figures and says no more about it', async () => {
    const calls = serveProcedures({ 'scorecard.district': midway });
    renderInDistrict(<ScorecardPage />, 'zh-CN', '/d/130108?year=2023');
    expect(await screen.findByText('基本符合预期及以上')).toBeTruthy();
    expect(screen.queryByText(/当前为实时数据/)).toBeNull();
    expect(calls.every((c) => (c.input as { mode?: string }).mode !== 'finalized')).toBe(true);
  });

  it('shows a revised target in force beside the row, with the document that revised it', async () => {
    const revised = scorecard(
      [
        row({
          seq: 1,
          name: '创新平台',
          status: 'achieved',
          phase: 'end',
          revision: {
            fromYear: 2024,
            document: '裕华区“十四五”规划中期评估调整方案',
            reason: '统计口径调整',
            originalValue: 70,
            originalText: '70',
            revisedValue: 65,
            revisedText: '65',
          },
        }),
      ],
      { year: 2025 },
    );
    serveProcedures({ 'scorecard.district': revised });
    renderInDistrict(<ScorecardPage />);
    const platforms = await screen.findByRole('row', { name: /创新平台/ });
    expect(platforms.textContent).toContain(
      '目标调整：原目标 70，2024 年调整为 65（裕华区“十四五”规划中期评估调整方案）',
    );
  });

  it('offers the evaluation years of its plan, marks M and Y, and asks in its period', async () => {
    const calls = serveProcedures({
      'scorecard.district': (input: { year?: number }) => ({
        ...scorecard([row({ seq: 1, name: '创新平台' })], { year: input.year ?? 2026 }),
        plan: plan15,
      }),
    });
    const district = { ...yuhua, plan: plan15, periods: [plan14, plan15] };
    const router = renderInDistrict(
      <ScorecardPage />,
      'zh-CN',
      '/d/130108?period=2026-2030',
      district,
    );
    const year = (await screen.findByRole('combobox', { name: '评估年度' })) as HTMLSelectElement;
    expect([...year.options].map((o) => o.textContent)).toEqual([
      '2026 年',
      '2027 年',
      '2028 年（中期）',
      '2029 年',
      '2030 年（期末）',
    ]);
    fireEvent.change(year, { target: { value: '2028' } });
    await vi.waitFor(() =>
      expect(router.state.location.search).toBe('?period=2026-2030&year=2028'),
    );
    await vi.waitFor(() =>
      expect(calls.map((c) => c.input)).toEqual([
        { district: '130108', period: '2026-2030' },
        { district: '130108', period: '2026-2030', year: 2028 },
      ]),
    );
    expect((await screen.findByRole('link', { name: '1. 创新平台' })).getAttribute('href')).toBe(
      '/d/130108/indicators/1?year=2028&period=2026-2030',
    );
  });
});
