import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { summarize, type IndicatorAssessment, type ReviewRecord, type Status } from '@pm/core';
import { renderInDistrict, serveProcedures } from '../../lib/testing';
import { assessment } from '../scorecard/fixture';
import { RoundView } from './RoundView';
import type { EvaluationItem, EvaluationView, Round } from './types';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const round = (over: Partial<Round> = {}): Round => ({
  id: 7,
  planId: 1,
  year: 2025,
  status: 'open',
  openedBy: 'reviewer',
  openedAt: '2026-02-01T08:00:00.000Z',
  finalizedBy: null,
  finalizedAt: null,
  reviews: 0,
  ...over,
});

function item(
  seq: number,
  name: string,
  computed: Partial<IndicatorAssessment>,
  review: ReviewRecord | null = null,
): EvaluationItem {
  const c = assessment({ seq, name, ...computed });
  return {
    seq,
    name,
    category: c.category,
    unit: '个',
    attribute: c.attribute,
    leadDepartment: null,
    targetText: '70',
    computed: c,
    phase: c.phase,
    finalStatus: review?.finalStatus ?? c.status,
    bindingWarning: c.bindingWarning,
    review,
    stale: false,
    demo: false,
  };
}

function view(items: EvaluationItem[], over: Partial<EvaluationView> = {}): EvaluationView {
  const finals = items.map((i) => ({ ...i.computed, status: i.finalStatus }));
  const { planId: _plan, reviews: _reviews, ...meta } = round(over.round);
  return {
    round: meta,
    rules: 'v2',
    district: { code: '130108', name: '裕华区', city: '石家庄市', province: '河北省' },
    plan: { title: '规划', baselineYear: 2020, midtermYear: 2023, targetYear: 2025 },
    demo: false,
    completeness: { reported: items.length, total: items.length, share: 1 },
    items,
    computedSummary: summarize(
      items.map((i) => i.computed),
      2025,
    ),
    summary: summarize(finals, 2025),
    reviewed: items.filter((i) => i.review).length,
    total: items.length,
    pending: items.filter((i) => !i.review).map((i) => i.seq),
    stale: [],
    ...over,
  };
}

const reviewed = (seq: number, computed: Status, final: Status): ReviewRecord => ({
  seq,
  decision: computed === final ? 'confirmed' : 'overridden',
  computedStatus: computed,
  finalStatus: final,
  reason: computed === final ? null : '口径调整',
  comment: null,
  reviewedBy: 'reviewer',
  reviewedAt: '2024-02-02T08:00:00.000Z',
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
