import { cleanup, screen } from '@testing-library/react';
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
});
