import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entryGrid } from '@pm/core';
import { plan, stored } from './fixture';
import { renderWith } from './testing';
import { YearReview } from './YearReview';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const grid = entryGrid(
  plan,
  [
    stored(16, 2024, 71, { state: 'submitted', version: 3 }),
    stored(18, 2024, 560, { state: 'submitted', version: 2 }),
    stored(4, 2024, 62, { state: 'draft' }),
  ],
  2024,
);
const id = (seq: number) => seq * 10_000 + 2024;

/** Answers values.approve with `answer` (a batch of one); records each request's body. */
function serve(answer: object, status: number) {
  const bodies: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify([answer]), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return bodies;
}

describe('YearReview', () => {
  it('approve all sends exactly the submitted figures shown, at their versions, of its plan', async () => {
    const bodies = serve({ result: { data: { count: 2 } } }, 200);
    renderWith(<YearReview grid={grid} district="130108" period="2021-2025" />);
    fireEvent.click(screen.getByRole('button', { name: '全部通过（2 项）' }));
    await vi.waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      0: {
        district: '130108',
        period: '2021-2025',
        cells: [
          { id: id(18), version: 2 },
          { id: id(16), version: 3 },
        ],
      },
    });
  });

  it('names the figures changed since the page was opened when the server refuses', async () => {
    const data = {
      code: 'CONFLICT',
      httpStatus: 409,
      messageKey: 'values.changedSince',
      params: { count: 1, ids: String(id(18)), figures: '18' },
    };
    serve({ error: { message: 'changed', code: -32009, data } }, 409);
    renderWith(<YearReview grid={grid} district="130108" period="2021-2025" />);
    fireEvent.click(screen.getByRole('button', { name: '全部通过（2 项）' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '以下 1 项数据在您打开页面后已被修改，未作任何操作，已重新载入，请重新核对：地区生产总值 2024 年实际值。',
    );
  });

  describe('with unusual figures', () => {
    const jump = stored(18, 2024, 5600, { state: 'submitted', version: 2 });
    const flaggedGrid = entryGrid(
      plan,
      [
        stored(18, 2023, 560, { state: 'approved' }),
        jump,
        stored(16, 2024, 71, { state: 'submitted', version: 3 }),
      ],
      2024,
      new Map([[jump.id, '新口径']]),
    );

    it('approve all lists the flagged figures first; nothing is sent until the reviewer chooses', async () => {
      const bodies = serve({ result: { data: { count: 1 } } }, 200);
      renderWith(<YearReview grid={flaggedGrid} district="130108" period="2021-2025" />);
      fireEvent.click(screen.getByRole('button', { name: '全部通过（2 项）' }));
      const dialog = screen.getByRole('dialog', { name: '以下 1 项数值异常，请确认后再通过' });
      expect(dialog.textContent).toContain('地区生产总值 2024 年实际值');
      expect(dialog.textContent).toContain('5600');
      expect(dialog.textContent).toContain('较上年 560 +900%');
      expect(dialog.textContent).toContain('填报说明：新口径');
      expect(bodies).toHaveLength(0);
      fireEvent.click(screen.getByRole('button', { name: '取消' }));
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(bodies).toHaveLength(0);

      fireEvent.click(screen.getByRole('button', { name: '全部通过（2 项）' }));
      fireEvent.click(screen.getByRole('button', { name: '只通过正常的 1 项' }));
      await vi.waitFor(() => expect(bodies).toHaveLength(1));
      expect(bodies[0]).toEqual({
        0: { district: '130108', period: '2021-2025', cells: [{ id: id(16), version: 3 }] },
      });
    });

    it('Escape closes the dialog, sends nothing and gives the focus back to 全部通过', () => {
      const bodies = serve({ result: { data: { count: 1 } } }, 200);
      renderWith(<YearReview grid={flaggedGrid} district="130108" period="2021-2025" />);
      const approveAll = screen.getByRole('button', { name: '全部通过（2 项）' });
      approveAll.focus();
      fireEvent.click(approveAll);
      const cancel = screen.getByRole('button', { name: '取消' });
      expect(document.activeElement).toBe(cancel);
      fireEvent.keyDown(cancel, { key: 'Escape' });
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(document.activeElement).toBe(approveAll);
      expect(bodies).toHaveLength(0);
    });

    it('approve all in the dialog sends every figure shown, the flagged one too', async () => {
      const bodies = serve({ result: { data: { count: 2 } } }, 200);
      renderWith(<YearReview grid={flaggedGrid} district="130108" period="2021-2025" />);
      fireEvent.click(screen.getByRole('button', { name: '全部通过（2 项）' }));
      fireEvent.click(screen.getByRole('button', { name: '全部通过（2 项，含异常）' }));
      await vi.waitFor(() => expect(bodies).toHaveLength(1));
      expect(bodies[0]).toEqual({
        0: {
          district: '130108',
          period: '2021-2025',
          cells: [
            { id: id(18), version: 2 },
            { id: id(16), version: 3 },
          ],
        },
      });
    });
  });
});
