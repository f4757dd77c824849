import { randomUUID } from 'node:crypto';
import {
  CarryOverError,
  ChangedSinceError,
  EvaluationError,
  PlanImportError,
  RevisionError,
  UserError,
  ValueError,
  ValueImportError,
} from '@pm/db';
import { describeChanged, describeProblem } from './values/problems';

export type ErrorCode =
  'NOT_FOUND' | 'BAD_REQUEST' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'TOO_MANY_REQUESTS';

/**
 * An error a person can act on. `key` names the message in the web app's catalog; `params` fill
 * it. The `message` is the English fallback for logs, API clients and the CLI.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: string,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * The one table of the database layer's refusals: `<area>.<reason>` → the tRPC code and the
 * catalog key a person reads. Every router and the CLI go through `toDomainError`; none converts
 * error classes of its own.
 */
export const ERROR_TABLE = {
  'users.duplicate': ['BAD_REQUEST', 'users.duplicate'],
  'users.unknown_district': ['BAD_REQUEST', 'users.unknown_district'],
  'users.unknown_region': ['BAD_REQUEST', 'users.unknown_region'],
  'users.not_found': ['NOT_FOUND', 'users.not_found'],
  'evaluations.no_plan': ['NOT_FOUND', 'scorecard.noPlan'],
  'evaluations.not_found': ['NOT_FOUND', 'evaluations.notFound'],
  'evaluations.already_open': ['CONFLICT', 'evaluations.alreadyOpen'],
  'evaluations.finalized': ['CONFLICT', 'evaluations.finalized'],
  'plans.would_lose_values': ['CONFLICT', 'plans.wouldLoseValues'],
  'revisions.no_plan': ['NOT_FOUND', 'scorecard.noPlan'],
  'revisions.unknown_seq': ['NOT_FOUND', 'revisions.unknownSeq'],
  'revisions.year_outside': ['BAD_REQUEST', 'revisions.yearOutside'],
  'carryOver.no_previous': ['NOT_FOUND', 'carryOver.noPrevious'],
  'carryOver.unknown_seq': ['BAD_REQUEST', 'carryOver.unknownSeq'],
  'carryOver.unknown_previous': ['BAD_REQUEST', 'carryOver.unknownPrevious'],
  'carryOver.duplicate_match': ['BAD_REQUEST', 'carryOver.duplicateMatch'],
  'carryOver.empty': ['BAD_REQUEST', 'carryOver.empty'],
  'carryOver.not_applicable': ['BAD_REQUEST', 'carryOver.notApplicable'],
  'carryOver.figure_exists': ['CONFLICT', 'carryOver.figureExists'],
  'carryOver.figure_approved': ['CONFLICT', 'carryOver.figureApproved'],
} as const satisfies Record<string, readonly [ErrorCode, string]>;

const fromTable = (
  entry: keyof typeof ERROR_TABLE,
  message: string,
  params: Record<string, string | number> = {},
) => new DomainError(ERROR_TABLE[entry][0], ERROR_TABLE[entry][1], message, params);

/**
 * What a person is told of `error`: a DomainError as it is, a known refusal of the database
 * layer through the table, a refused value change by its first problem (a refused review of
 * listed cells by all of them); null for anything
 * unexpected (a bug or an outage, answered with a generic message and an error id).
 */
export function toDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (error instanceof UserError)
    return fromTable(`users.${error.reason}`, error.message, { detail: error.detail });
  if (error instanceof EvaluationError)
    return fromTable(`evaluations.${error.reason}`, error.message);
  if (error instanceof CarryOverError)
    return fromTable(`carryOver.${error.reason}`, error.message, error.params);
  if (error instanceof RevisionError)
    return fromTable(`revisions.${error.reason}`, error.message, error.params);
  if (error instanceof PlanImportError)
    return fromTable('plans.would_lose_values', error.message, { detail: error.message });
  if (error instanceof ChangedSinceError) {
    const { code, key, message, params } = describeChanged(error.problems);
    return new DomainError(code, key, message, params);
  }
  const problem =
    error instanceof ValueError
      ? error.problems[0]
      : error instanceof ValueImportError
        ? error.problems[0]?.problem
        : undefined;
  if (problem) {
    const { code, key, message, params } = describeProblem(problem);
    return new DomainError(code, key, message, params);
  }
  return null;
}

const errorIds = new WeakMap<object, string>();

/**
 * The id of an unexpected error, the same each time it is asked for the same error: the answer
 * carries it, the server log has it beside the error itself.
 */
export function errorIdOf(error: object): string {
  let id = errorIds.get(error);
  if (!id) {
    id = randomUUID().slice(0, 8);
    errorIds.set(error, id);
  }
  return id;
}
