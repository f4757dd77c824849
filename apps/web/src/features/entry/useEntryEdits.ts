import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import {
  figureText,
  type Comparator,
  type EntryCell,
  type EntryGrid,
  type EntryRow,
  type StoredValue,
} from '@pm/core';
import type { AppRouter } from '@pm/api';
import { useTRPC } from '../../lib/trpc';
import {
  chosen,
  legacyStorageKey,
  loadEdits,
  patchGrid,
  readEdit,
  reverted,
  storageKey,
  storeEdits,
  typed,
  without,
  type Edit,
  type Edits,
  type Field,
  type TextField,
} from './edits';

const SAVE_DELAY_MS = 500;
const RETRY_MS = 5000;

export interface EntryEdits {
  edits: Edits;
  type(row: EntryRow, cell: EntryCell, field: TextField, text: string): void;
  /** Chooses how the actual must compare with an assigned target. */
  choose(row: EntryRow, cell: EntryCell, comparator: Comparator): void;
  discard(id: string): void;
  /** Takes back what was typed into one field (Escape). */
  revert(id: string, field: Field): void;
  /** Saves my figure over the other person's, now that I have seen it. */
  keepMine(id: string): void;
  takeTheirs(id: string): void;
  /** Saves in flight. */
  saving: number;
  /** The last save could not reach the server; edits wait and are retried. */
  offline: boolean;
}

/** Where a grid cell of an edit is. */
export function cellOf(grid: EntryGrid, edit: Pick<Edit, 'seq' | 'kind'>) {
  for (const group of grid.groups)
    for (const row of group.rows) {
      if (row.indicator.seq !== edit.seq) continue;
      const cell = edit.kind === 'actual' ? row.actual : row.assigned;
      return cell ? { row, cell } : null;
    }
  return null;
}

/** Which plan's figures of which district are being entered. */
export interface EntryPlan {
  district: string;
  period: string;
  /** Whether edits kept before plans had periods are this plan's (it is the plan of the year). */
  ownsLegacyEdits: boolean;
}

/**
 * The unsaved edits of one user, district, plan and year: kept in localStorage on every keystroke
 * and saved on their own shortly after typing stops, after a lost connection comes back, and after
 * signing in again. Nothing typed is dropped until the server has it.
 */
export function useEntryEdits(
  { district, period, ownsLegacyEdits }: EntryPlan,
  year: number,
  user: string,
  grid: EntryGrid,
): EntryEdits {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = storageKey(user, district, period, year);
  const [edits, setEdits] = useState(() =>
    loadEdits(key, ownsLegacyEdits ? legacyStorageKey(user, district, year) : undefined),
  );
  const [saving, setSaving] = useState(0);
  const [offline, setOffline] = useState(false);
  const inflight = useRef(new Set<string>());
  const save = useMutation(trpc.values.save.mutationOptions());
  const remove = useMutation(trpc.values.remove.mutationOptions());
  const gridKey = trpc.values.grid.queryKey({ district, period, year });

  useEffect(() => storeEdits(key, edits), [key, edits]);

  const settled = (id: string, rev: number, edit: Edit, stored: StoredValue | null) => {
    setOffline(false);
    setEdits((all) => {
      const now = all[id];
      if (!now) return all;
      if (now.rev === rev) return without(all, id);
      return { ...all, [id]: { ...now, base: stored?.version ?? null } };
    });
    queryClient.setQueryData<EntryGrid>(gridKey, (g) =>
      g ? patchGrid(g, { seq: edit.seq, kind: edit.kind, year }, stored) : g,
    );
    void queryClient.invalidateQueries({ queryKey: trpc.values.completeness.queryKey() });
  };

  const failed = (id: string, rev: number, error: unknown) => {
    const data =
      error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>).data : undefined;
    if (!data) return setOffline(true);
    setOffline(false);
    if (data.code === 'UNAUTHORIZED') return;
    setEdits((all) => {
      const now = all[id];
      if (!now || now.rev !== rev) return all;
      const params = (data.params ?? {}) as Record<string, string | number>;
      const next: Edit =
        data.messageKey === 'values.conflict'
          ? {
              ...now,
              status: 'conflict',
              conflict: {
                value: Number(params.value),
                version: Number(params.version),
                by: String(params.by),
                at: String(params.at),
              },
            }
          : {
              ...now,
              status: 'failed',
              failure: { key: data.messageKey, params, message: (error as Error).message },
            };
      return { ...all, [id]: next };
    });
  };

  const send = (id: string, edit: Edit, request: () => Promise<StoredValue | null>) => {
    inflight.current.add(id);
    setSaving((n) => n + 1);
    request()
      .then((stored) => settled(id, edit.rev, edit, stored))
      .catch((error: unknown) => failed(id, edit.rev, error))
      .finally(() => {
        inflight.current.delete(id);
        setSaving((n) => n - 1);
      });
  };

  const flush = useEffectEvent(() => {
    for (const [id, edit] of Object.entries(edits)) {
      if (edit.status !== 'pending' || inflight.current.has(id)) continue;
      const at = cellOf(grid, edit);
      if (!at) continue;
      const reading = readEdit(edit, at.row, at.cell, grid.changeThreshold);
      if (reading.kind === 'nothing') {
        setEdits((all) => (all[id]?.rev === edit.rev ? without(all, id) : all));
      } else if (reading.kind === 'remove') {
        const { id: valueId, version } = reading.stored;
        send(id, edit, () =>
          remove.mutateAsync({ district, period, id: valueId, version }).then(() => null),
        );
      } else if (reading.kind === 'ready') {
        const actual = edit.kind === 'actual';
        const target = edit.kind === 'assigned_target';
        send(id, edit, () =>
          save
            .mutateAsync({
              district,
              period,
              seq: edit.seq,
              year,
              kind: edit.kind,
              value: edit.text ?? figureText(at.cell.stored?.value),
              version: edit.base,
              source: actual ? edit.source : undefined,
              note: actual ? edit.note : undefined,
              comparator: target ? edit.comparator : undefined,
              reason: edit.reason?.trim() || undefined,
            })
            .then((r) => r.value ?? at.cell.stored),
        );
      }
    }
  });

  useEffect(() => {
    const timer = setTimeout(flush, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [edits, grid]);

  useEffect(() => {
    if (!offline) return;
    const timer = setInterval(flush, RETRY_MS);
    window.addEventListener('online', flush);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', flush);
    };
  }, [offline]);

  return {
    edits,
    saving,
    offline,
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
      setEdits((all) => {
        const now = all[id];
        if (!now?.conflict) return all;
        const { conflict, ...rest } = now;
        return {
          ...all,
          [id]: { ...rest, base: conflict.version, status: 'pending', rev: now.rev + 1 },
        };
      }),
    takeTheirs: (id) => {
      setEdits((all) => without(all, id));
      void queryClient.invalidateQueries({ queryKey: gridKey });
    },
  };
}
