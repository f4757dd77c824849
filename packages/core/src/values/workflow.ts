import type { Comparator, ValueKind, ValueState } from '../plan';

/** One stored yearly figure with its review state and version, as the grid and the API see it. */
export interface StoredValue {
  id: number;
  seq: number;
  year: number;
  kind: ValueKind;
  value: number;
  comparator: Comparator | null;
  state: ValueState;
  note: string | null;
  /** Where the figure comes from (统计公报…): text, which marks nothing. */
  source: string | null;
  /** The reviewer's comment when returning, or the reason it was reopened. */
  reviewComment: string | null;
  version: number;
  updatedBy: string;
  /** ISO 8601. */
  updatedAt: string;
  /** An illustrative figure (演示数据): set only by `demo seed`, cleared by any write of a person. */
  demo: boolean;
}

/**
 * The `source` text `demo seed` writes on its figures. It marks nothing (the `demo` flag does);
 * people cannot give it, in any case or spacing, so that no real figure reads as illustrative.
 */
export const DEMO_SOURCE = 'demo';

/** Whether a source given by a person is the one reserved for illustrative figures. */
export const isDemoSource = (source: string | null | undefined): boolean =>
  source?.normalize('NFKC').trim().toLowerCase() === DEMO_SOURCE;

export const isDemo = (value: { demo?: boolean } | null | undefined): boolean =>
  value?.demo === true;

/** What a person does to a value; `save` is an official's edit. */
export type ValueAction = 'save' | 'submit' | 'withdraw' | 'approve' | 'return' | 'reopen';

/**
 * The review workflow: draft → submitted → approved; submitted → returned → draft. A submitted
 * value is locked while a reviewer may be reading it: only the official's withdraw (撤回, back to
 * draft) unlocks it. An approved value is locked: only a reviewer's reopen (back to returned, with
 * a reason) unlocks it.
 */
const NEXT: Record<ValueAction, Partial<Record<ValueState | 'none', ValueState>>> = {
  save: { none: 'draft', draft: 'draft', returned: 'draft' },
  submit: { draft: 'submitted', returned: 'submitted' },
  withdraw: { submitted: 'draft' },
  approve: { submitted: 'approved' },
  return: { submitted: 'returned' },
  reopen: { approved: 'returned' },
};

/** The state after `action`, or null when the action does not apply to a value in `from`. */
export function nextState(action: ValueAction, from: ValueState | null): ValueState | null {
  return NEXT[action][from ?? 'none'] ?? null;
}

/** A draft that nobody has seen submitted may be taken back entirely. */
export function mayRemove(state: ValueState, everSubmitted: boolean): boolean {
  return state === 'draft' && !everSubmitted;
}

/** Least advanced first: the order completeness takes the least of. */
export const COMPLETENESS_STATES = [
  'missing',
  'returned',
  'draft',
  'submitted',
  'approved',
] as const;
export type CompletenessState = (typeof COMPLETENESS_STATES)[number];
