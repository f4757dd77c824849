import { describe, expect, it } from 'vitest';
import { EvaluationError, PlanImportError, UserError, ValueError } from '@pm/db';
import { DomainError, ERROR_TABLE, errorIdOf, toDomainError } from './errors';

describe('the one table of errors', () => {
  it('maps every refusal of the database layer to a code and a catalog key', () => {
    const cases: [unknown, string, string][] = [
      [new UserError('duplicate', 'user x exists already', 'x'), 'BAD_REQUEST', 'users.duplicate'],
      [new UserError('not_found', 'no user x', 'x'), 'NOT_FOUND', 'users.not_found'],
      [new EvaluationError('finalized', 'finalized'), 'CONFLICT', 'evaluations.finalized'],
      [new EvaluationError('no_plan', 'no plan'), 'NOT_FOUND', 'scorecard.noPlan'],
      [
        new PlanImportError('would lose 3 values', 'indicators'),
        'CONFLICT',
        'plans.wouldLoseValues',
      ],
      [new ValueError([{ index: 0, code: 'locked' }]), 'CONFLICT', 'values.locked'],
    ];
    for (const [error, code, key] of cases) {
      const domain = toDomainError(error);
      expect(domain, String(error)).toBeInstanceOf(DomainError);
      expect([domain!.code, domain!.key]).toEqual([code, key]);
    }
  });

  it('every reason of the error classes has a row', () => {
    const reasons = [
      ...(['duplicate', 'unknown_district', 'not_found'] as const).map((r) => `users.${r}`),
      ...(['no_plan', 'not_found', 'already_open', 'finalized'] as const).map(
        (r) => `evaluations.${r}`,
      ),
    ];
    for (const r of reasons) expect(Object.keys(ERROR_TABLE)).toContain(r);
  });

  it('an unexpected error is nobody’s message: null, with a stable id', () => {
    const error = new Error('Failed query: select * from users where username = $1');
    expect(toDomainError(error)).toBeNull();
    expect(errorIdOf(error)).toBe(errorIdOf(error));
    expect(errorIdOf(error)).not.toBe(errorIdOf(new Error('other')));
  });
});
