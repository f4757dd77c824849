import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entryGrid } from '@pm/core';
import { HistoryPanel } from './HistoryPanel';
import { plan, stored } from './fixture';
import { renderWith, serve } from './testing';

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
    serve({
      value: air.assigned!.stored,
      entries: [entry(2, null, 'at_most'), entry(1, null, null)],
    });
    renderWith(<HistoryPanel district="130108" year={2024} row={air} onClose={() => {}} />);
    expect(await screen.findByText(/不低于 70 → 不高于 70/)).toBeTruthy();
    expect(screen.getByText(/— → 不低于 70/)).toBeTruthy();
  });
});
