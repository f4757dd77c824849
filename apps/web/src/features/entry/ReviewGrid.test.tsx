import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { entryGrid } from '@pm/core';
import { ReviewGrid } from './ReviewGrid';
import { plan, stored } from './fixture';
import { renderWith } from './testing';

afterEach(cleanup);

const targets = entryGrid(
  plan,
  [
    stored(16, 2024, 70, { kind: 'assigned_target', comparator: 'at_most', state: 'submitted' }),
    stored(16, 2024, 71, { kind: 'actual', state: 'submitted' }),
  ],
  2024,
);

describe('ReviewGrid', () => {
  it('shows each assigned target with its comparator', () => {
    renderWith(
      <ReviewGrid
        grid={targets}
        district="130108"
        period="2021-2025"
        review
        onHistory={() => {}}
      />,
    );
    const target = screen.getByText('不高于').closest('.entry-value')!;
    expect(target.textContent).toContain('不高于70');
    expect(screen.getAllByText(/^(左右|不低于|不高于|低于|高于)$/)).toHaveLength(1);
  });

  it('an assigned target held to the plan’s comparator shows the plan’s, in English too', () => {
    const planned = entryGrid(
      plan,
      [stored(16, 2024, 70, { kind: 'assigned_target', comparator: null })],
      2024,
    );
    renderWith(
      <ReviewGrid
        grid={planned}
        district="130108"
        period="2021-2025"
        review={false}
        onHistory={() => {}}
      />,
      'en',
    );
    expect(screen.getByText('at least').closest('.entry-value')?.textContent).toContain('70');
  });

  it('shows beside each figure its change on last year, a flag when unusual and the official’s reason', () => {
    const jump = stored(18, 2024, 5000, { state: 'submitted' });
    const evidence = entryGrid(
      plan,
      [
        stored(18, 2023, 500, { state: 'approved' }),
        jump,
        stored(1, 2023, 6, { state: 'approved' }),
        stored(1, 2024, 6.5, { state: 'submitted' }),
      ],
      2024,
      new Map([[jump.id, '统计口径调整']]),
    );
    renderWith(
      <ReviewGrid
        grid={evidence}
        district="130108"
        period="2021-2025"
        review
        onHistory={() => {}}
      />,
    );
    const gdp = screen.getByRole('group', { name: '地区生产总值 2024 年实际值的核对信息' });
    expect(within(gdp).getByText('需核实')).toBeTruthy();
    expect(gdp.textContent).toContain('较上年 500 +900%');
    expect(gdp.textContent).toContain('填报说明：统计口径调整');
    const rate = screen.getByRole('group', { name: '生产总值(GDP)增长率 2024 年实际值的核对信息' });
    expect(rate.textContent).toBe('较上年 6 +0.5 个百分点');
    expect(screen.getAllByText('需核实')).toHaveLength(1);
  });
});
