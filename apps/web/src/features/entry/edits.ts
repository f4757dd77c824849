import {
  concernsFor,
  figureText,
  readIndicatorFigure,
  type Comparator,
  type Concern,
  type EntryCell,
  type EntryGrid,
  type EntryRow,
  type IndicatorFigureReading,
  type StoredValue,
  type ValueKind,
} from '@pm/core';

/**
 * What an edit changes of a figure: the figure itself, (actuals only) its source or note,
 * (assigned targets only) its comparator.
 */
export type Field = 'value' | 'source' | 'note' | 'comparator';

/** The fields typed as text. */
export type TextField = Exclude<Field, 'comparator'> | 'reason';

/** What the server said about a save that did not go through. */
export interface SaveFailure {
  key: string | null;
  params: Record<string, string | number>;
  message: string;
}

/** Another person's figure that a save ran into (a CONFLICT). */
export interface Conflict {
  value: number;
  version: number;
  by: string;
  at: string;
}

/** One cell's unsaved change, kept in the browser until the server has it. */
export interface Edit {
  seq: number;
  kind: ValueKind;
  /** Typed figure text; absent when only the source or note changes. */
  text?: string;
  source?: string;
  note?: string;
  /** How the actual must compare with an assigned target, as chosen. */
  comparator?: Comparator;
  /** Confirms an unusual figure. */
  reason?: string;
  /** The version of the stored figure the edit started from; null when there was none. */
  base: number | null;
  /** Counts keystrokes, so a save that answers late does not drop newer typing. */
  rev: number;
  status: 'pending' | 'failed' | 'conflict';
  failure?: SaveFailure;
  conflict?: Conflict;
}

export type Edits = Record<string, Edit>;

export const editId = (seq: number, kind: ValueKind) => `${seq}:${kind}`;

/**
 * Where a user's unsaved edits of one district, plan and year live in the browser: 2025 is a year
 * of the 14th plan (its target year) and of the 15th (its baseline year), with other indicators.
 */
export const storageKey = (user: string, district: string, period: string, year: number) =>
  `pm.entry.v2:${user}:${district}:${period}:${year}`;

/** Where they lived while a district had only one plan. */
export const legacyStorageKey = (user: string, district: string, year: number) =>
  `pm.entry.v1:${user}:${district}:${year}`;

function readEdits(key: string): Edits {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(key) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Edits) : {};
  } catch {
    return {};
  }
}

/**
 * The edits kept under `key`. When there are none and `legacy` (the key of the days of one plan
 * per district) is given, its edits are taken over, so nothing typed before an upgrade is lost.
 */
export function loadEdits(key: string, legacy?: string): Edits {
  const edits = readEdits(key);
  if (Object.keys(edits).length > 0 || !legacy) return edits;
  const old = readEdits(legacy);
  if (Object.keys(old).length > 0) {
    storeEdits(key, old);
    globalThis.localStorage?.removeItem(legacy);
  }
  return old;
}

export function storeEdits(key: string, edits: Edits): void {
  if (Object.keys(edits).length === 0) globalThis.localStorage?.removeItem(key);
  else globalThis.localStorage?.setItem(key, JSON.stringify(edits));
}

type EditedCell = { seq: number; kind: ValueKind; stored: StoredValue | null };

/** The edits with `patch` made to a cell's edit: pending again, whatever failed before. */
function edited(
  edits: Edits,
  cell: EditedCell,
  patch: Partial<Pick<Edit, 'text' | 'source' | 'note' | 'reason' | 'comparator'>>,
): Edits {
  const id = editId(cell.seq, cell.kind);
  const was = edits[id];
  const base = was?.base ?? cell.stored?.version ?? null;
  const next: Edit = {
    ...(was ?? { seq: cell.seq, kind: cell.kind, base, rev: 0 }),
    ...patch,
    rev: (was?.rev ?? 0) + 1,
    status: 'pending',
  };
  delete next.failure;
  delete next.conflict;
  return { ...edits, [id]: next };
}

/** The edits after typing `text` into a field of a cell. */
export function typed(edits: Edits, cell: EditedCell, field: TextField, text: string): Edits {
  return edited(edits, cell, { [field === 'value' ? 'text' : field]: text });
}

/** The edits after choosing the comparator of an assigned target. */
export function chosen(edits: Edits, cell: EditedCell, comparator: Comparator): Edits {
  return edited(edits, cell, { comparator });
}

export function without(edits: Edits, id: string): Edits {
  const { [id]: _, ...rest } = edits;
  return rest;
}

/** The edits with one field of an edit taken back; an edit left with nothing typed goes. */
export function reverted(edits: Edits, id: string, field: Field): Edits {
  const was = edits[id];
  if (!was) return edits;
  const next = { ...was, rev: was.rev + 1 };
  delete next[field === 'value' ? 'text' : field];
  const left =
    next.text !== undefined ||
    next.source !== undefined ||
    next.note !== undefined ||
    next.comparator !== undefined;
  return left ? { ...edits, [id]: next } : without(edits, id);
}

/** What an edit amounts to now, as core reads it: the same rules the server applies. */
export type Reading =
  | { kind: 'invalid'; error: Extract<IndicatorFigureReading, { ok: false }>['error'] }
  | { kind: 'concerns'; concerns: Concern[] }
  /** A source, note or comparator without a figure to belong to. */
  | { kind: 'waiting' }
  | { kind: 'remove'; stored: StoredValue }
  | { kind: 'nothing' }
  | { kind: 'ready'; value: number };

export function readEdit(
  edit: Edit,
  row: Pick<EntryRow, 'indicator'>,
  cell: Pick<EntryCell, 'stored' | 'previous'>,
  changeThreshold: number,
): Reading {
  const text = edit.text ?? figureText(cell.stored?.value);
  const reading = readIndicatorFigure(text, row.indicator);
  if (!reading.ok) return { kind: 'invalid', error: reading.error };
  if (reading.value === null) {
    if (edit.text !== undefined && cell.stored) return { kind: 'remove', stored: cell.stored };
    return edit.source || edit.note || edit.comparator ? { kind: 'waiting' } : { kind: 'nothing' };
  }
  if (reading.value !== cell.stored?.value && !edit.reason?.trim()) {
    const concerns = concernsFor(reading.value, row.indicator, cell.previous, { changeThreshold });
    if (concerns.length > 0) return { kind: 'concerns', concerns };
  }
  return { kind: 'ready', value: reading.value };
}

/** The grid with one stored figure put in (or, with `removed`, taken out) of its cell. */
export function patchGrid(
  grid: EntryGrid,
  at: { seq: number; kind: ValueKind; year: number },
  stored: StoredValue | null,
): EntryGrid {
  if (at.year !== grid.year) return grid;
  const patch = (cell: EntryCell | null) =>
    cell && cell.kind === at.kind ? { ...cell, stored } : cell;
  return {
    ...grid,
    groups: grid.groups.map((g) => ({
      ...g,
      rows: g.rows.map((r) =>
        r.indicator.seq === at.seq
          ? { ...r, actual: patch(r.actual), assigned: patch(r.assigned) }
          : r,
      ),
    })),
  };
}
