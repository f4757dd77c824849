import {
  FIGURE_BOUNDS,
  FIGURE_RANGE_TEXT,
  notWholeText,
  type Concern,
  type FigureError,
  type TransitionProblem,
} from '@pm/core';
import type { ValueProblem } from '@pm/db';
import type { DomainError } from '../errors';

/** A value problem as a person reads it: a catalog key with its parameters, and English text. */
export interface ProblemText {
  code: DomainError['code'];
  key: string;
  params: Record<string, string | number>;
  message: string;
}

const percent = (x: number) => Math.round(x * 1000) / 10;

function concernText(concern: Concern): Omit<ProblemText, 'code'> {
  switch (concern.code) {
    case 'change': {
      const params = {
        previous: concern.previous,
        change: percent(concern.change),
        threshold: percent(concern.threshold),
      };
      return {
        key: 'values.concern.change',
        params,
        message: `differs from last year's ${params.previous} by ${params.change}% (more than ±${params.threshold}%); give a reason to confirm it`,
      };
    }
    case 'over_100':
      return {
        key: 'values.concern.over_100',
        params: {},
        message: 'is a share above 100%; give a reason to confirm it',
      };
    case 'negative':
      return {
        key: 'values.concern.negative',
        params: {},
        message: 'cannot be negative for this indicator; give a reason to confirm it',
      };
  }
}

/** Why typed text is no figure, as a person reads it. */
function figureText(error: FigureError, typed: string): Omit<ProblemText, 'code'> {
  const params = { text: typed };
  switch (error) {
    case 'percent_not_unit':
      return {
        key: 'values.percentNotUnit',
        params,
        message: `"${typed}" has a % sign, but the unit is not %`,
      };
    case 'out_of_range':
      return {
        key: 'values.outOfRange',
        params: { ...params, ...FIGURE_BOUNDS },
        message: `"${typed}" is out of range: ${FIGURE_RANGE_TEXT}`,
      };
    case 'not_a_number':
      return { key: 'values.badNumber', params, message: `"${typed}" is not a number` };
  }
}

/** The catalog key, parameters, tRPC code and English text of a refused value change. */
export function describeProblem(problem: ValueProblem): ProblemText {
  const text = (
    code: ProblemText['code'],
    key: string,
    message: string,
    params: ProblemText['params'] = {},
  ): ProblemText => ({ code, key: `values.${key}`, params, message });
  switch (problem.code) {
    case 'stale': {
      const now = problem.current;
      if (!now) return text('CONFLICT', 'conflictRemoved', 'someone removed this figure meanwhile');
      return text(
        'CONFLICT',
        'conflict',
        `${now.updatedBy} changed this figure to ${now.value} (version ${now.version}) meanwhile`,
        {
          value: now.value,
          version: now.version,
          by: now.updatedBy,
          state: now.state,
          at: now.updatedAt,
        },
      );
    }
    case 'locked':
      return text('CONFLICT', 'locked', 'the figure is approved; a reviewer must reopen it first');
    case 'submitted':
      return text(
        'CONFLICT',
        'submittedLocked',
        'the figure is submitted and awaiting review; withdraw it (撤回) first to change it',
      );
    case 'wrong_state':
      return text('CONFLICT', 'wrongState', `the figure is ${problem.state}`, {
        state: problem.state,
      });
    case 'not_removable':
      return text(
        'CONFLICT',
        'notRemovable',
        'only a draft never submitted can be removed; correct the figure instead',
      );
    case 'not_found':
      return text('NOT_FOUND', 'notFound', 'no such figure in this district');
    case 'unknown_indicator':
      return text('NOT_FOUND', 'unknownIndicator', `the plan has no indicator ${problem.seq}`, {
        seq: problem.seq,
      });
    case 'bad_number':
      return { code: 'BAD_REQUEST', ...figureText(problem.error, problem.text) };
    case 'not_whole': {
      const { seq, name, unit, text: typed } = problem;
      return text('BAD_REQUEST', 'notWhole', notWholeText(problem), {
        seq,
        name,
        unit,
        text: typed,
      });
    }
    case 'empty':
      return text(
        'BAD_REQUEST',
        'empty',
        'no figure given: a stored figure cannot be blanked, and a source or note needs a figure',
      );
    case 'bad_year':
      return text('BAD_REQUEST', 'badYear', `the plan covers ${problem.first}–${problem.last}`, {
        first: problem.first,
        last: problem.last,
      });
    case 'printed_baseline':
      return text(
        'BAD_REQUEST',
        'printedBaseline',
        'the plan printed this baseline; it is not entered',
      );
    case 'not_assigned':
      return text(
        'BAD_REQUEST',
        'notAssigned',
        'only indicators the city assigns targets to take an assigned target, after the baseline year',
      );
    case 'comparator_on_actual':
      return text(
        'BAD_REQUEST',
        'comparatorOnActual',
        'comparator: only an assigned target has a comparator; leave it out for an actual',
        { field: 'comparator' },
      );
    case 'duplicate':
      return text('BAD_REQUEST', 'duplicate', 'the same figure is given twice');
    case 'reserved_source':
      return text('BAD_REQUEST', 'reservedSource', '"demo" is reserved for illustrative figures');
    case 'needs_reason': {
      const [first, ...rest] = problem.concerns.map(concernText);
      return {
        code: 'BAD_REQUEST',
        key: first!.key,
        params: first!.params,
        message: [first!, ...rest].map((c) => c.message).join('; '),
      };
    }
  }
}

/** One refused cell of a review action, in English: what it is now. */
function changedText(problem: TransitionProblem): string {
  switch (problem.code) {
    case 'stale': {
      const v = problem.current;
      return `indicator ${v.seq} ${v.year} ${v.kind} is now ${v.value}, ${v.state}, by ${v.updatedBy} (version ${v.version})`;
    }
    case 'wrong_state':
      return `figure ${problem.id} is ${problem.state}`;
    case 'not_found':
      return `figure ${problem.id} is not found (removed, or not of this district)`;
  }
}

/**
 * A review action refused as a whole because figures it names changed since they were shown:
 * how many, which (`ids`, and the indicators' `seqs`), and each as it is now in the English text.
 */
export function describeChanged(problems: readonly TransitionProblem[]): ProblemText {
  const seqs = [...new Set(problems.flatMap((p) => (p.code === 'stale' ? [p.current.seq] : [])))];
  return {
    code: 'CONFLICT',
    key: 'values.changedSince',
    params: {
      count: problems.length,
      ids: problems.map((p) => p.id).join(','),
      figures: seqs.join(', ') || problems.map((p) => `#${p.id}`).join(', '),
    },
    message: `${problems.length} figure(s) changed since they were shown, so nothing was done; check them again: ${problems.map(changedText).join('; ')}`,
  };
}
