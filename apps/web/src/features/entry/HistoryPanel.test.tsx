import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entryGrid } from '@pm/core';
import { HistoryPanel } from './HistoryPanel';
import { plan, stored } from './fixture';
import { renderWith, serveEach } from './testing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const grid = entryGrid(
  plan,
  [stored(16, 2024, 70, { kind: 'assigned_target', comparator: 'at_most' })],
  2024,
);
const air = grid.groups.flatMap((g) => g.rows).find((r) => r.indicator.seq === 16)!;

describe('HistoryPanel', () => {
  it('shows a change of only the comparator as one', async () => {
    const entry = (
      version: number,
      oldComparator: string | null,
      newComparator: string | null,
    ) => ({
      version,
      oldValue: version === 1 ? null : 70,
      newValue: 70,
      oldState: version === 1 ? null : 'draft',
      newState: 'draft',
      oldComparator,
      newComparator,
      reason: null,
      changedBy: 'official',
      changedAt: '2025-03-01T00:00:00.000Z',
    });
    serveEach({
      'values.history': {
        value: air.assigned!.stored,
        entries: [entry(2, null, 'at_most'), entry(1, null, null)],
      },
      'values.deletions': [],
    });
    renderWith(
      <HistoryPanel
        district="130108"
        period="2021-2025"
        year={2024}
        row={air}
        onClose={() => {}}
      />,
    );
    expect(await screen.findByText(/不低于 70 → 不高于 70/)).toBeTruthy();
    expect(screen.getByText(/— → 不低于 70/)).toBeTruthy();
  });

  it('lists the figures taken back, with who, when and what, even when the cell is empty now', async () => {
    const empty = entryGrid(plan, [], 2024);
    const gdp = empty.groups.flatMap((g) => g.rows).find((r) => r.indicator.seq === 18)!;
    serveEach({
      'values.deletions': [
        {
          id: 7,
          seq: 18,
          year: 2024,
          kind: 'actual',
          value: 1510,
          comparator: null,
          state: 'draft',
          note: null,
          source: null,
          version: 2,
          history: [{}, {}],
          reason: '填错行',
          deletedBy: 'wang',
          deletedAt: '2025-03-02T08:00:00.000Z',
        },
      ],
    });
    renderWith(
      <HistoryPanel
        district="130108"
        period="2021-2025"
        year={2024}
        row={gdp}
        onClose={() => {}}
      />,
    );
    expect(await screen.findByText('已删除的数值')).toBeTruthy();
    expect(screen.getByText('删除了2024 年实际值 1510（删除前共 2 条修改记录）')).toBeTruthy();
    expect(screen.getByText(/wang/)).toBeTruthy();
    expect(screen.getByText('原因：填错行')).toBeTruthy();
    expect(screen.queryByText('本年度尚无数值，也没有修改记录。')).toBeNull();
  });
});
