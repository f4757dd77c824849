import { useState } from 'react';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entryGrid, type EntryRow } from '@pm/core';
import { StateBadge } from './cells';
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

const STATES = ['draft', 'submitted', 'approved', 'returned'] as const;

/** The word the grid's badge shows for a state. */
function gridWord(state: (typeof STATES)[number]) {
  renderWith(<StateBadge value={{ ...stored(18, 2024, 1510), state }} />);
  const word = document.querySelector('.entry-badge')!.textContent!;
  cleanup();
  return word;
}

/** The entry page's way: a 修改记录 button per row opens the panel, which closes back to it. */
function Opener({ row }: { row: EntryRow }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <input aria-label="2024 年实际值" defaultValue="1510" />
      <button type="button" onClick={() => setOpen(true)}>
        修改记录
      </button>
      {open && (
        <HistoryPanel
          district="130108"
          period="2021-2025"
          year={2024}
          row={row}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

describe('HistoryPanel states and keys', () => {
  it('says each state in the word the grid shows: 草稿, 已提交, 已审核, 已退回', async () => {
    const words = STATES.map(gridWord);
    expect(words).toEqual(['草稿', '已提交', '已审核', '已退回']);
    const entries = STATES.map((state, i) => ({
      version: i + 1,
      oldValue: 1510,
      newValue: 1510,
      oldState: i === 0 ? null : STATES[i - 1],
      newState: state,
      oldComparator: null,
      newComparator: null,
      reason: null,
      changedBy: 'official',
      changedAt: '2025-03-01T00:00:00.000Z',
    }));
    const gdpGrid = entryGrid(plan, [stored(18, 2024, 1510, { state: 'returned' })], 2024);
    const gdp = gdpGrid.groups.flatMap((g) => g.rows).find((r) => r.indicator.seq === 18)!;
    serveEach({
      'values.history': { value: gdp.actual!.stored, entries: entries.reverse() },
      'values.deletions': [],
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
    expect(await screen.findByText(`1510 · ${words[0]}`)).toBeTruthy();
    for (let i = 1; i < STATES.length; i++)
      expect(screen.getByText(`1510 · ${words[i - 1]} → ${words[i]}`)).toBeTruthy();
    expect(screen.queryByText(/待审核/)).toBeNull();
  });

  it('closes with Escape and gives the focus back to the button that opened it', async () => {
    serveEach({ 'values.deletions': [] });
    renderWith(<Opener row={air} />);
    const opener = screen.getByRole('button', { name: '修改记录' });
    opener.focus();
    fireEvent.click(opener);
    const heading = await screen.findByRole('heading', { name: /修改记录|2024/ });
    expect(document.activeElement).toBe(heading);

    fireEvent.keyDown(heading, { key: 'Escape' });
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('leaves Escape in a grid field to the field, and 关闭 gives the focus back too', async () => {
    serveEach({ 'values.deletions': [] });
    renderWith(<Opener row={air} />);
    const opener = screen.getByRole('button', { name: '修改记录' });
    opener.focus();
    fireEvent.click(opener);
    expect(await screen.findByRole('complementary')).toBeTruthy();

    fireEvent.keyDown(screen.getByLabelText('2024 年实际值'), { key: 'Escape' });
    expect(screen.getByRole('complementary')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
