import type { Concern } from '@pm/core';
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
      return problem.error === 'percent_not_unit'
        ? text(
            'BAD_REQUEST',
            'percentNotUnit',
            `"${problem.text}" has a % sign, but the unit is not %`,
            {
              text: problem.text,
            },
          )
        : text('BAD_REQUEST', 'badNumber', `"${problem.text}" is not a number`, {
            text: problem.text,
          });
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
