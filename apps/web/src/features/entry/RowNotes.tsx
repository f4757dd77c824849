import { useState, type FormEvent } from 'react';
import {
  FIGURE_BOUNDS,
  type Concern,
  type EntryCell,
  type EntryGrid,
  type EntryRow,
} from '@pm/core';
import { isMessageKey, useI18n, type Translate } from '../../i18n';
import { COLUMN_COUNT, figure } from './cells';
import { editId, readEdit, type Edit, type Reading, type SaveFailure } from './edits';
import type { EntryEdits } from './useEntryEdits';

export function concernText(concern: Concern, t: Translate): string {
  switch (concern.code) {
    case 'change':
      return t('values.concern.change', {
        previous: concern.previous,
        change: Math.round(concern.change * 1000) / 10,
        threshold: Math.round(concern.threshold * 1000) / 10,
      });
    case 'over_100':
      return t('values.concern.over_100');
    case 'negative':
      return t('values.concern.negative');
  }
}

/** Why the typed text is no figure of the row's indicator. */
function invalidText(
  error: Extract<Reading, { kind: 'invalid' }>['error'],
  indicator: EntryRow['indicator'],
  typed: string,
  t: Translate,
): string {
  switch (error) {
    case 'out_of_range':
      return t('entry.outOfRange', FIGURE_BOUNDS);
    case 'percent_not_unit':
      return t('entry.percentNotUnit', { unit: indicator.unit });
    case 'not_whole':
      return t('values.notWhole', {
        seq: indicator.seq,
        name: indicator.name,
        unit: indicator.unit,
        text: typed.trim(),
      });
    case 'not_a_number':
      return t('entry.notANumber');
  }
}

export function failureText(failure: SaveFailure, t: Translate): string {
  return failure.key && isMessageKey(failure.key)
    ? t(failure.key, failure.params)
    : failure.message;
}

/**
 * What a row's cells need from the official, under the row: a number that is not one, a reason
 * for an unusual figure, another person's figure to choose against, the reviewer's comment.
 */
export function RowNotes({
  row,
  grid,
  entry,
}: {
  row: EntryRow;
  grid: EntryGrid;
  entry: EntryEdits;
}) {
  const { t } = useI18n();
  const cells = [row.actual, row.assigned].filter((c): c is EntryCell => c !== null);
  const notes = cells.flatMap((cell) => {
    const id = editId(row.indicator.seq, cell.kind);
    const edit = entry.edits[id];
    const label =
      cell.kind === 'actual' ? t('entry.col.actual', { year: grid.year }) : t('entry.col.assigned');
    const out = [];
    if (cell.stored?.state === 'returned' && cell.stored.reviewComment)
      out.push(
        <p key={`${id}-comment`} className="entry-comment">
          {t('entry.returnedComment', { label, comment: cell.stored.reviewComment })}
        </p>,
      );
    if (edit)
      out.push(
        <EditNote
          key={id}
          id={id}
          edit={edit}
          cell={cell}
          row={row}
          grid={grid}
          entry={entry}
          label={label}
        />,
      );
    return out;
  });
  if (notes.length === 0) return null;
  return (
    <tr className="entry-notes">
      <td colSpan={COLUMN_COUNT}>{notes}</td>
    </tr>
  );
}

function EditNote({
  id,
  edit,
  cell,
  row,
  grid,
  entry,
  label,
}: {
  id: string;
  edit: Edit;
  cell: EntryCell;
  row: EntryRow;
  grid: EntryGrid;
  entry: EntryEdits;
  label: string;
}) {
  const { t, locale } = useI18n();
  const undo = (
    <button type="button" onClick={() => entry.discard(id)}>
      {t('entry.undo')}
    </button>
  );
  if (edit.status === 'conflict' && edit.conflict) {
    const mine = edit.text ?? figure(cell.stored?.value);
    return (
      <div className="entry-note conflict" role="alert">
        <span>
          {t('entry.conflict', {
            label,
            by: edit.conflict.by,
            value: edit.conflict.value,
            at: new Date(edit.conflict.at).toLocaleString(locale),
          })}
        </span>
        <button type="button" onClick={() => entry.keepMine(id)}>
          {t('entry.keepMine', { value: mine })}
        </button>
        <button type="button" onClick={() => entry.takeTheirs(id)}>
          {t('entry.takeTheirs', { value: edit.conflict.value })}
        </button>
      </div>
    );
  }
  if (edit.status === 'failed' && edit.failure)
    return (
      <div className="entry-note error" role="alert">
        <span>
          {label}：{failureText(edit.failure, t)}
        </span>
        {undo}
      </div>
    );
  const reading = readEdit(edit, row, cell, grid.changeThreshold);
  if (reading.kind === 'invalid')
    return (
      <div className="entry-note error">
        <span>
          {label}：{invalidText(reading.error, row.indicator, edit.text ?? '', t)}
        </span>
        {undo}
      </div>
    );
  if (reading.kind === 'waiting')
    return (
      <div className="entry-note">
        <span>
          {t(cell.kind === 'actual' ? 'entry.waitingForFigure' : 'entry.waitingForTarget')}
        </span>
      </div>
    );
  if (reading.kind === 'concerns')
    return (
      <ConfirmNote
        label={label}
        texts={reading.concerns.map((c) => concernText(c, t))}
        onConfirm={(reason) => entry.type(row, cell, 'reason', reason)}
        onUndo={() => entry.discard(id)}
      />
    );
  return null;
}

function ConfirmNote({
  label,
  texts,
  onConfirm,
  onUndo,
}: {
  label: string;
  texts: string[];
  onConfirm: (reason: string) => void;
  onUndo: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) onConfirm(reason.trim());
  };
  return (
    <form className="entry-note confirm" onSubmit={submit}>
      <span>
        {label}：{texts.join(' ')}
      </span>
      <input
        value={reason}
        placeholder={t('entry.reasonPlaceholder')}
        aria-label={t('entry.reasonFor', { label })}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" disabled={!reason.trim()}>
        {t('entry.confirm')}
      </button>
      <button type="button" onClick={onUndo}>
        {t('entry.undo')}
      </button>
    </form>
  );
}
