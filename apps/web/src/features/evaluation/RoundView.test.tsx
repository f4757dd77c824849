import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInDistrict, serveProcedures } from '../../lib/testing';
import { item, reviewed, round, view } from './fixture';
import { RoundView } from './RoundView';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const choices = (name: string) =>
  within(screen.getByRole('form', { name: new RegExp(name) }))
    .getAllByRole('option')
    .map((o) => o.textContent);

const reviewOf = async (name: string) => {
  await screen.findByRole('heading', { level: 3, name: new RegExp(name) });
  return screen
    .getAllByRole('listitem')
    .find((li) => li.querySelector('h3')?.textContent?.includes(name))!;
};

describe('RoundView', () => {
  it('a final evaluation grades 完成, 基本完成 and 未完成, counts them and offers only them', async () => {
    serveProcedures({
      'evaluations.get': view([
        item(1, '创新平台', { status: 'achieved', phase: 'end' }),
        item(2, '研发投入', { status: 'basically_achieved', phase: 'end' }),
        item(3, '专利', { status: 'not_achieved', phase: 'end' }),
      ]),
    });
    renderInDistrict(<RoundView round={round()} canWrite />);
    expect(await screen.findByRole('heading', { name: /2025 年总结评估（第 7 轮）/ })).toBeTruthy();
    await screen.findByRole('form', { name: /创新平台/ });
    const counts = screen.getByText('各状态指标数（按评估结论）').parentElement!;
    expect([...counts.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '★完成 1',
      '◐基本完成 1',
      '⊘未完成 1',
    ]);
    expect(choices('创新平台')).toEqual(['完成', '基本完成', '未完成']);
  });

  const finalItems = () => [
    item(1, '创新平台', { status: 'achieved', phase: 'end' }),
    item(2, '研发投入', { status: 'basically_achieved', phase: 'end' }),
    item(3, '能耗降低', { status: 'not_achieved', phase: 'end', attribute: 'binding' }),
    item(4, '空气质量', { status: 'no_data', phase: 'end', attribute: 'binding' }),
    item(5, '水质', { status: 'not_achieved', phase: 'end', attribute: 'binding' }),
    item(
      6,
      '专利',
      { status: 'not_achieved', phase: 'end' },
      reviewed(6, 'not_achieved', 'basically_achieved'),
    ),
  ];

  it('a final round states its outcome: 完成/基本完成/未完成, the share, binding 未完成 first', async () => {
    serveProcedures({ 'evaluations.get': view(finalItems()) });
    renderInDistrict(<RoundView round={round()} canWrite />);
    const end = await screen.findByRole('region', { name: '总结评估结论' });
    expect([...end.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      '共 6 项指标：完成 1 项、基本完成 2 项、未完成 2 项，无数据 1 项。',
      '纳入评价的 6 项指标中，完成及基本完成占 50%。',
      '约束性指标未完成 2 项：能耗降低、水质；无数据 1 项：空气质量。',
    ]);
  });

  it('states the outcome in English too', async () => {
    serveProcedures({ 'evaluations.get': view(finalItems()) });
    renderInDistrict(<RoundView round={round()} canWrite={false} />, 'en');
    expect(
      await screen.findByRole('heading', { name: /Final evaluation 2025 \(round 7\)/ }),
    ).toBeTruthy();
    const end = screen.getByRole('region', { name: 'Outcome at the end of the period' });
    expect(end.textContent).toContain(
      '6 indicators: 1 achieved, 2 basically achieved, 2 not achieved; 1 no data.',
    );
    expect(end.textContent).toContain(
      'Of the 6 indicators assessed, 50% were achieved or basically achieved.',
    );
    expect(end.textContent).toContain(
      'Binding indicators not achieved (2): 能耗降低, 水质; no data (1): 空气质量.',
    );
  });

  it('a mid-term or annual round has no end-of-period outcome, and its heading names its kind', async () => {
    const items = [item(1, '创新平台', { status: 'on_track' })];
    serveProcedures({ 'evaluations.get': view(items, { round: round({ year: 2024 }) }) });
    renderInDistrict(<RoundView round={round({ year: 2024 })} canWrite />);
    expect(await screen.findByRole('heading', { name: /2024 年度评估（第 7 轮）/ })).toBeTruthy();
    expect(screen.queryByRole('region', { name: '总结评估结论' })).toBeNull();
  });

  it('midway offers the five progress grades, and keeps what an item had', async () => {
    serveProcedures({
      'evaluations.get': view(
        [
          item(1, '创新平台', { status: 'ahead' }),
          item(2, '空气质量', { status: 'no_data' }),
          item(3, '专利', { status: 'awaiting_target' }, reviewed(3, 'awaiting_target', 'lagging')),
        ],
        { round: { ...round({ year: 2023 }) } },
      ),
    });
    renderInDistrict(<RoundView round={round({ year: 2023 })} canWrite />);
    await screen.findByRole('heading', { name: /2023 年中期评估/ });
    await screen.findByRole('form', { name: /专利/ });
    expect(choices('创新平台')).toEqual([
      '提前实现',
      '快于预期',
      '基本符合预期',
      '滞后预期',
      '严重滞后',
    ]);
    expect(choices('空气质量')).toEqual([
      '提前实现',
      '快于预期',
      '基本符合预期',
      '滞后预期',
      '严重滞后',
      '无数据',
    ]);
    expect(choices('专利')).toEqual([
      '提前实现',
      '快于预期',
      '基本符合预期',
      '滞后预期',
      '严重滞后',
      '待下达目标',
    ]);
    expect(
      (
        within(screen.getByRole('form', { name: /专利/ })).getByRole(
          'combobox',
        ) as HTMLSelectElement
      ).value,
    ).toBe('lagging');
  });

  it('a round finalized under v1 keeps v1’s words', async () => {
    const finalized = round({
      year: 2023,
      status: 'finalized',
      finalizedBy: 'reviewer',
      finalizedAt: '2024-03-01T08:00:00.000Z',
    });
    serveProcedures({
      'evaluations.get': view(
        [
          item(1, '创新平台', { status: 'on_track' }, reviewed(1, 'on_track', 'on_track')),
          item(
            2,
            '专利',
            { status: 'seriously_lagging' },
            reviewed(2, 'seriously_lagging', 'lagging'),
          ),
        ],
        { rules: 'v1', round: finalized },
      ),
    });
    renderInDistrict(<RoundView round={finalized} canWrite={false} />);
    const patents = await reviewOf('专利');
    expect(patents.textContent).toContain('进度滞后');
    expect(patents.textContent).toContain('原计算状态“严重滞后”');
    const counts = screen.getByText('各状态指标数（按评估结论）').parentElement!;
    expect([...counts.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '★已完成 0',
      '✓符合预期 1',
      '▲进度滞后 1',
      '✕严重滞后 0',
    ]);
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
