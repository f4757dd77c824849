import { useEffect, useState } from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { entryGrid, type EntryCell, type EntryGrid } from '@pm/core';
import { I18nProvider, type Locale } from '../../i18n';
import { EditGrid } from './EditGrid';
import { chosen, reverted, typed, without, type Edits } from './edits';
import { grid, plan, stored } from './fixture';
import type { EntryEdits } from './useEntryEdits';

let latest: Edits = {};

/** The grid with edits held in memory, as the page holds them (without the saving). */
function Harness({
  initial = {},
  shown = grid,
  locale = 'zh-CN',
  onWithdraw,
}: {
  initial?: Edits;
  shown?: EntryGrid;
  locale?: Locale;
  onWithdraw?: (cell: EntryCell) => void;
}) {
  const [edits, setEdits] = useState<Edits>(initial);
  useEffect(() => {
    latest = edits;
  }, [edits]);
  const entry: EntryEdits = {
    edits,
    saving: 0,
    offline: false,
    type: (row, cell, field, text) =>
      setEdits((all) =>
        typed(all, { seq: row.indicator.seq, kind: cell.kind, stored: cell.stored }, field, text),
      ),
    choose: (row, cell, comparator) =>
      setEdits((all) =>
        chosen(all, { seq: row.indicator.seq, kind: cell.kind, stored: cell.stored }, comparator),
      ),
    discard: (id) => setEdits((all) => without(all, id)),
    revert: (id, field) => setEdits((all) => reverted(all, id, field)),
    keepMine: (id) =>
      setEdits((all) => ({
        ...all,
        [id]: { ...all[id]!, base: all[id]!.conflict!.version, status: 'pending' },
      })),
    takeTheirs: (id) => setEdits((all) => without(all, id)),
  };
  return (
    <I18nProvider locale={locale}>
      <EditGrid grid={shown} entry={entry} onHistory={() => {}} onWithdraw={onWithdraw} />
    </I18nProvider>
  );
}

const cell = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

afterEach(cleanup);

describe('EditGrid', () => {
  it('Enter moves down the column and the arrows skip rows without the cell', () => {
    render(<Harness />);
    const gdp = cell('生产总值(GDP)增长率 2024 年实际值');
    gdp.focus();
    fireEvent.keyDown(gdp, { key: 'Enter' });
    expect(document.activeElement).toBe(cell('地区生产总值 2024 年实际值'));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter', shiftKey: true });
    expect(document.activeElement).toBe(gdp);
    const target = cell('城市空气质量优良天数比率 市下达目标');
    target.focus();
    fireEvent.keyDown(target, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(target);
    fireEvent.keyDown(target, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(cell('城市空气质量优良天数比率 2024 年实际值'));
  });

  it('a column pasted from Excel fills the cells below and skips approved ones', () => {
    render(<Harness />);
    const gdp = cell('生产总值(GDP)增长率 2024 年实际值');
    expect(gdp.readOnly).toBe(true);
    fireEvent.paste(gdp, { clipboardData: { getData: () => '6.1\r\n571.5\r\n64\r\n66\r\n' } });
    expect(screen.getByText('已粘贴 3 个单元格，跳过 1 个已锁定或不可填的单元格。')).toBeTruthy();
    expect(cell('地区生产总值 2024 年实际值').value).toBe('571.5');
    expect(cell('市级以上创新平台 2024 年实际值').value).toBe('64');
    expect(cell('城市空气质量优良天数比率 2024 年实际值').value).toBe('66');
    expect(Object.keys(latest).sort()).toEqual(['16:actual', '18:actual', '4:actual']);
  });

  it('a far-off figure asks for a reason, which confirms it', () => {
    render(<Harness />);
    fireEvent.change(cell('市级以上创新平台 2024 年实际值'), { target: { value: '200' } });
    expect(screen.getByText(/与上年（62）相比变化 222.6%，超过 ±50%/)).toBeTruthy();
    expect(screen.getByText('待确认')).toBeTruthy();
    fireEvent.change(cell('2024 年实际值的确认原因'), { target: { value: '新认定平台' } });
    fireEvent.click(screen.getByRole('button', { name: '确认' }));
    expect(latest['4:actual']).toMatchObject({ text: '200', reason: '新认定平台' });
    expect(screen.queryByText(/相比变化/)).toBeNull();
  });

  it('a figure out of range says the range', () => {
    render(<Harness />);
    const input = cell('地区生产总值 2024 年实际值');
    fireEvent.change(input, { target: { value: '10000000000000' } });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText(/数值超出允许范围：须为 0，或绝对值在 0.000001 至 1,000,000,000,000 之间。/),
    ).toBeTruthy();
  });

  it('a fraction of a count is refused naming the indicator and unit; 亿元 takes decimals', () => {
    render(<Harness />);
    const platforms = cell('市级以上创新平台 2024 年实际值');
    fireEvent.change(platforms, { target: { value: '62.5' } });
    expect(platforms.getAttribute('aria-invalid')).toBe('true');
    expect(
      screen.getByText(/序号 4 市级以上创新平台 的单位是“个”，应填整数，收到 62.5。/),
    ).toBeTruthy();
    const gdp = cell('地区生产总值 2024 年实际值');
    fireEvent.change(gdp, { target: { value: '571.5' } });
    expect(gdp.getAttribute('aria-invalid')).not.toBe('true');
  });

  it('in English the fraction of a count names the indicator and unit too', () => {
    render(<Harness locale="en" />);
    fireEvent.change(screen.getByLabelText(/市级以上创新平台 .*2024/), {
      target: { value: '62.5' },
    });
    expect(
      screen.getByText(
        /Indicator 4 市级以上创新平台 is counted in “个”: enter a whole number, not 62.5./,
      ),
    ).toBeTruthy();
  });

  it('a word is not a number, and Escape takes back what was typed in the cell', () => {
    render(<Harness />);
    const input = cell('地区生产总值 2024 年实际值');
    fireEvent.change(input, { target: { value: '五百' } });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/请输入数字/)).toBeTruthy();
    const note = cell('地区生产总值 备注');
    fireEvent.change(note, { target: { value: '快报数' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('560');
    expect(latest['18:actual']).toMatchObject({ note: '快报数' });
    expect(latest['18:actual']?.text).toBeUndefined();
    fireEvent.keyDown(note, { key: 'Escape' });
    expect(latest).toEqual({});
  });

  it('a save that ran into another person’s figure lets the official choose', () => {
    const conflict = { value: 575, version: 3, by: 'wang', at: '2025-03-02T08:00:00.000Z' };
    render(
      <Harness
        initial={{
          '18:actual': {
            seq: 18,
            kind: 'actual',
            text: '571.5',
            base: 2,
            rev: 1,
            status: 'conflict',
            conflict,
          },
        }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('wang 已于');
    expect(screen.getByText('有冲突')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保留我的 571.5' }));
    expect(latest['18:actual']).toMatchObject({ base: 3, status: 'pending', text: '571.5' });
  });

  it('taking the other figure drops the edit', () => {
    const conflict = { value: 575, version: 3, by: 'wang', at: '2025-03-02T08:00:00.000Z' };
    render(
      <Harness
        initial={{
          '18:actual': {
            seq: 18,
            kind: 'actual',
            text: '571.5',
            base: 2,
            rev: 1,
            status: 'conflict',
            conflict,
          },
        }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: '采用对方的 575' }));
    expect(latest).toEqual({});
  });

  it('an assigned target’s comparator is chosen from a labelled list that marks the plan’s', () => {
    render(<Harness />);
    const select = screen.getByLabelText(
      '城市空气质量优良天数比率 与市下达目标的比较方式',
    ) as HTMLSelectElement;
    expect(select.value).toBe('at_least');
    expect([...select.options].map((o) => o.text)).toEqual([
      '左右',
      '不低于（规划）',
      '不高于',
      '低于',
      '高于',
    ]);
    expect(screen.getAllByRole('combobox')).toEqual([select]);
    fireEvent.change(select, { target: { value: 'at_most' } });
    expect(latest['16:assigned_target']).toMatchObject({
      comparator: 'at_most',
      status: 'pending',
    });
    expect(latest['16:assigned_target']?.text).toBeUndefined();
    expect(screen.getByText('比较方式随市下达目标一起保存，请先填写目标。')).toBeTruthy();
    fireEvent.change(cell('城市空气质量优良天数比率 市下达目标'), { target: { value: '72' } });
    expect(latest['16:assigned_target']).toMatchObject({ comparator: 'at_most', text: '72' });
    fireEvent.keyDown(select, { key: 'Escape' });
    expect(latest['16:assigned_target']?.comparator).toBeUndefined();
    expect(select.value).toBe('at_least');
  });

  it('a stored target shows its own comparator, in English too; an approved one is locked', () => {
    const withTarget = entryGrid(
      plan,
      [stored(16, 2024, 70, { kind: 'assigned_target', comparator: 'below' })],
      2024,
    );
    render(<Harness shown={withTarget} locale="en" />);
    const select = screen.getByLabelText(
      'How the actual of 城市空气质量优良天数比率 must compare with the city-assigned target',
    ) as HTMLSelectElement;
    expect(select.value).toBe('below');
    expect(select.selectedOptions[0]?.text).toBe('below');
    expect([...select.options].map((o) => o.text)).toContain('at least (plan)');
    cleanup();
    const approved = entryGrid(
      plan,
      [stored(16, 2024, 70, { kind: 'assigned_target', state: 'approved' })],
      2024,
    );
    render(<Harness shown={approved} />);
    expect(
      (
        screen.getByLabelText(
          '城市空气质量优良天数比率 与市下达目标的比较方式',
        ) as HTMLSelectElement
      ).disabled,
    ).toBe(true);
  });
});

describe('EditGrid locks and gaps', () => {
  it('a submitted figure is read-only until withdrawn; its 撤回 names it', () => {
    const withdrawn: number[] = [];
    const shown = entryGrid(
      plan,
      [stored(18, 2024, 560, { state: 'submitted', version: 2 })],
      2024,
    );
    render(<Harness shown={shown} onWithdraw={(cell) => withdrawn.push(cell.stored!.id)} />);
    const input = screen.getByLabelText<HTMLInputElement>('地区生产总值 2024 年实际值');
    expect(input.readOnly).toBe(true);
    expect(input.title).toBe('已提交的数值在审核期间锁定；如需修改，请先撤回。');
    fireEvent.click(screen.getByRole('button', { name: '撤回 地区生产总值 2024 年实际值' }));
    expect(withdrawn).toEqual([18 * 10_000 + 2024]);
  });

  it('marks each figure the year requires that is not filled in', () => {
    const shown = entryGrid(plan, [stored(18, 2024, 560)], 2024);
    render(<Harness shown={shown} />);
    expect(screen.getByLabelText('地区生产总值 2024 年实际值').dataset.missing).toBeUndefined();
    expect(
      screen.getByLabelText<HTMLInputElement>('生产总值(GDP)增长率 2024 年实际值').dataset.missing,
    ).toBe('true');
    const marks = screen.getAllByText('未填报');
    expect(marks.length).toBe(
      shown.groups
        .flatMap((g) => g.rows)
        .flatMap((r) => [r.actual, r.assigned])
        .filter((c) => c && !c.stored).length,
    );
  });
});
