import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import {
  comparatorInForce,
  comparatorSchema,
  figureText,
  type EntryCell,
  type EntryGrid,
  type EntryRow,
} from '@pm/core';
import { useI18n } from '../../i18n';
import { COLUMN_COUNT, comparatorText, DemoBadge, HeadRow, RowHead, StateBadge } from './cells';
import { editId, readEdit, type Edit, type Field } from './edits';
import { GRID_COLUMNS, nextCell, readClipboard, type Direction, type Position } from './keyboard';
import { RowNotes } from './RowNotes';
import type { EntryEdits } from './useEntryEdits';

interface Slot {
  cell: EntryCell;
  field: Exclude<Field, 'comparator'>;
}

/** The cell behind each editable column of a row, or null where the row has none. */
function slotsOf(row: EntryRow): (Slot | null)[] {
  return GRID_COLUMNS.map((col) => {
    if (col === 'assigned') return row.assigned ? { cell: row.assigned, field: 'value' } : null;
    return row.actual ? { cell: row.actual, field: col } : null;
  });
}

/** Approved figures wait for a reviewer's reopen, submitted ones for the official's withdraw. */
const locked = (cell: EntryCell) =>
  cell.stored?.state === 'approved' || cell.stored?.state === 'submitted';

const lockedTitle = (cell: EntryCell) =>
  cell.stored?.state === 'submitted' ? 'entry.lockedSubmitted' : 'entry.locked';

function shownText(slot: Slot, edit: Edit | undefined): string {
  const { cell, field } = slot;
  if (field === 'value') return edit?.text ?? figureText(cell.stored?.value);
  return edit?.[field] ?? cell.stored?.[field] ?? '';
}

const KEYS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/**
 * The official's grid: Enter, Tab and the arrow keys move between cells; a block pasted from a
 * spreadsheet fills the cells from the one pasted into; every figure is checked while typing.
 */
export function EditGrid({
  grid,
  entry,
  onHistory,
  onWithdraw,
  withdrawing = false,
}: {
  grid: EntryGrid;
  entry: EntryEdits;
  onHistory: (row: EntryRow) => void;
  /** Takes a submitted figure back to draft (撤回). */
  onWithdraw?: (cell: EntryCell) => void;
  withdrawing?: boolean;
}) {
  const { t } = useI18n();
  const [pasted, setPasted] = useState<{ filled: number; skipped: number } | null>(null);
  const rows = grid.groups.flatMap((g) => g.rows);
  const slots = rows.map(slotsOf);
  const has = (p: Position) => Boolean(slots[p.row]?.[p.col]);
  const colLabels = [
    t('entry.col.actual', { year: grid.year }),
    t('entry.col.assigned'),
    t('entry.col.source'),
    t('entry.col.note'),
  ];

  const focus = (p: Position) => {
    const input = document.querySelector<HTMLInputElement>(
      `.entry-grid input[data-row="${p.row}"][data-col="${p.col}"]`,
    );
    input?.focus();
    input?.select();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const input = e.target as HTMLInputElement;
    if (input.dataset.row === undefined) return;
    const from = { row: Number(input.dataset.row), col: Number(input.dataset.col) };
    let direction: Direction | undefined = KEYS[e.key];
    if (e.key === 'Enter') direction = e.shiftKey ? 'up' : 'down';
    if (e.key === 'Escape') {
      const slot = slots[from.row]?.[from.col];
      if (slot) entry.revert(editId(rows[from.row]!.indicator.seq, slot.cell.kind), slot.field);
      return;
    }
    if (!direction) return;
    const caret = input.selectionStart ?? 0;
    const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    if (direction === 'left' && caret > 0 && !whole) return;
    if (direction === 'right' && (input.selectionEnd ?? 0) < input.value.length && !whole) return;
    const to = nextCell(has, rows.length, from, direction);
    e.preventDefault();
    if (to) focus(to);
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>, from: Position) => {
    const block = readClipboard(e.clipboardData.getData('text/plain'));
    if (!block) return;
    e.preventDefault();
    let filled = 0;
    let skipped = 0;
    block.forEach((line, i) =>
      line.forEach((text, j) => {
        const r = from.row + i;
        if (r >= rows.length) return;
        const slot = slots[r]?.[from.col + j];
        if (!slot || locked(slot.cell)) {
          skipped++;
          return;
        }
        entry.type(rows[r]!, slot.cell, slot.field, text.trim());
        filled++;
      }),
    );
    setPasted({ filled, skipped });
  };

  return (
    <>
      {pasted && (
        <p className="notice" role="status">
          {t('entry.pasted', pasted)}
        </p>
      )}
      <div className="table-wrap entry-wrap">
        <table className="table entry-grid" onKeyDown={onKeyDown}>
          <thead>
            <HeadRow year={grid.year} actions />
          </thead>
          {grid.groups.map((group) => (
            <tbody key={group.category}>
              <tr className="entry-group">
                <th colSpan={COLUMN_COUNT} scope="rowgroup">
                  {group.category}
                </th>
              </tr>
              {group.rows.map((row) => {
                const r = rows.indexOf(row);
                const edit = (cell: EntryCell | null) =>
                  cell ? entry.edits[editId(row.indicator.seq, cell.kind)] : undefined;
                const input = (c: number) => {
                  const slot = slots[r]![c];
                  if (!slot) return <span className="entry-none">—</span>;
                  const e = edit(slot.cell);
                  const reading =
                    e && slot.field === 'value'
                      ? readEdit(e, row, slot.cell, grid.changeThreshold)
                      : null;
                  const dirty =
                    e !== undefined &&
                    (slot.field === 'value' ? e.text : e[slot.field]) !== undefined;
                  return (
                    <input
                      className={`entry-input ${slot.field === 'value' ? 'num' : ''}`}
                      data-row={r}
                      data-col={c}
                      data-dirty={dirty || undefined}
                      data-missing={
                        (slot.field === 'value' && !slot.cell.stored && !dirty) || undefined
                      }
                      data-problem={
                        reading?.kind === 'invalid' ||
                        e?.status === 'failed' ||
                        e?.status === 'conflict'
                          ? 'error'
                          : reading?.kind === 'concerns'
                            ? 'confirm'
                            : undefined
                      }
                      aria-label={`${row.indicator.name} ${colLabels[c]}`}
                      aria-invalid={reading?.kind === 'invalid' || undefined}
                      inputMode={slot.field === 'value' ? 'decimal' : undefined}
                      readOnly={locked(slot.cell)}
                      title={locked(slot.cell) ? t(lockedTitle(slot.cell)) : undefined}
                      value={shownText(slot, e)}
                      onChange={(ev) => entry.type(row, slot.cell, slot.field, ev.target.value)}
                      onFocus={(ev) => ev.target.select()}
                      onPaste={(ev) => onPaste(ev, { row: r, col: c })}
                    />
                  );
                };
                return [
                  <tr key={row.indicator.seq}>
                    <RowHead row={row} />
                    <td>{input(0)}</td>
                    <td>
                      {input(1)}
                      {row.assigned && (
                        <ComparatorSelect
                          row={row}
                          cell={row.assigned}
                          edit={edit(row.assigned)}
                          entry={entry}
                        />
                      )}
                      {row.lastAssigned && (
                        <small className="entry-hint">
                          {t('entry.lastAssigned', { value: row.lastAssigned.value })}
                        </small>
                      )}
                    </td>
                    <td>{input(2)}</td>
                    <td>{input(3)}</td>
                    <td className="entry-states">
                      {[row.actual, row.assigned].map((cell) => (
                        <CellState
                          key={cell?.kind ?? 'none'}
                          row={row}
                          cell={cell}
                          edit={edit(cell)}
                          threshold={grid.changeThreshold}
                          withdraw={
                            cell?.stored?.state === 'submitted' && onWithdraw
                              ? () => onWithdraw(cell)
                              : undefined
                          }
                          busy={withdrawing}
                          what={
                            cell
                              ? `${row.indicator.name} ${cell.kind === 'actual' ? colLabels[0] : colLabels[1]}`
                              : ''
                          }
                        />
                      ))}
                    </td>
                    <td>
                      <button type="button" className="entry-link" onClick={() => onHistory(row)}>
                        {t('entry.history')}
                      </button>
                    </td>
                  </tr>,
                  <RowNotes
                    key={`${row.indicator.seq}-notes`}
                    row={row}
                    grid={grid}
                    entry={entry}
                  />,
                ];
              })}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}

/**
 * How the actual must compare with the assigned target: the target's own comparator, else the
 * plan's, which the list marks. Escape takes back a choice not yet saved.
 */
function ComparatorSelect({
  row,
  cell,
  edit,
  entry,
}: {
  row: EntryRow;
  cell: EntryCell;
  edit: Edit | undefined;
  entry: EntryEdits;
}) {
  const { t, locale } = useI18n();
  const target = row.indicator.target;
  const plan = comparatorInForce(target, null);
  const value = edit?.comparator ?? comparatorInForce(target, cell.stored?.comparator ?? null);
  return (
    <select
      className="entry-comparator"
      aria-label={t('entry.comparatorOf', { name: row.indicator.name })}
      value={value}
      disabled={locked(cell)}
      title={locked(cell) ? t(lockedTitle(cell)) : undefined}
      data-dirty={edit?.comparator !== undefined || undefined}
      onChange={(e) => entry.choose(row, cell, comparatorSchema.parse(e.target.value))}
      onKeyDown={(e) => {
        if (e.key === 'Escape') entry.revert(editId(row.indicator.seq, cell.kind), 'comparator');
      }}
    >
      {comparatorSchema.options.map((c) => (
        <option key={c} value={c}>
          {c === plan
            ? t('entry.comparatorPlan', { word: comparatorText(c, locale) })
            : comparatorText(c, locale)}
        </option>
      ))}
    </select>
  );
}

type EditBadge = 'pending' | 'failed' | 'conflict' | 'invalid' | 'confirm' | 'waiting';

/** How far an unsaved edit is from being saved, as the state column shows it. */
function badgeOf(edit: Edit, row: EntryRow, cell: EntryCell, threshold: number): EditBadge {
  if (edit.status !== 'pending') return edit.status;
  const reading = readEdit(edit, row, cell, threshold).kind;
  return reading === 'invalid'
    ? 'invalid'
    : reading === 'concerns'
      ? 'confirm'
      : reading === 'waiting'
        ? 'waiting'
        : 'pending';
}

function CellState({
  row,
  cell,
  edit,
  threshold,
  withdraw,
  busy,
  what,
}: {
  row: EntryRow;
  cell: EntryCell | null;
  edit: Edit | undefined;
  threshold: number;
  withdraw: (() => void) | undefined;
  busy: boolean;
  what: string;
}) {
  const { t } = useI18n();
  if (!cell) return null;
  return (
    <span className="entry-state">
      {cell.kind === 'assigned_target' && <small>{t('entry.targetShort')}</small>}
      {!edit && !cell.stored ? (
        <span className="entry-badge missing">{t('entry.missing')}</span>
      ) : edit ? (
        <span className={`entry-badge unsaved ${badgeOf(edit, row, cell, threshold)}`}>
          {t(`entry.edit.${badgeOf(edit, row, cell, threshold)}`)}
        </span>
      ) : (
        <>
          <StateBadge value={cell.stored} />
          <DemoBadge value={cell.stored} />
          {withdraw && (
            <button
              type="button"
              className="entry-link"
              disabled={busy}
              aria-label={t('entry.withdrawOf', { what })}
              onClick={withdraw}
            >
              {t('entry.withdraw')}
            </button>
          )}
        </>
      )}
    </span>
  );
}
