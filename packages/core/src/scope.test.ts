import { describe, expect, it } from 'vitest';
import { codesIn, scopeProblem, takesRegions } from './scope';

describe('a user scope for a role', () => {
  it.each([
    [{ role: 'leader', districts: 'all', regions: [] }, null],
    [{ role: 'leader', districts: [], regions: ['13'] }, null],
    [{ role: 'reviewer', districts: ['130108'], regions: ['4107'] }, null],
    [{ role: 'official', districts: ['130108'], regions: [] }, null],
    [{ role: 'admin', districts: [], regions: [] }, null],
    [{ role: 'reviewer', districts: 'all', regions: [] }, 'users.scope.allRole'],
    [{ role: 'official', districts: [], regions: ['13'] }, 'users.scope.regionRole'],
    [{ role: 'admin', districts: [], regions: ['13'] }, 'users.scope.regionRole'],
    [{ role: 'leader', districts: 'all', regions: ['13'] }, 'users.scope.regionWithAll'],
    [{ role: 'leader', districts: [], regions: [] }, 'users.scope.empty'],
  ] as const)('%j: %s', (scope, key) => {
    expect(scopeProblem(scope)?.key ?? null).toBe(key);
  });

  it('takes regions for reviewers and leaders only', () => {
    expect(['official', 'reviewer', 'leader', 'admin'].filter(takesRegions)).toEqual([
      'reviewer',
      'leader',
    ]);
  });
});

it('reads codes typed with commas, full-width commas or spaces', () => {
  expect(codesIn(' 13，4107, 130108  410402 ')).toEqual(['13', '4107', '130108', '410402']);
  expect(codesIn('')).toEqual([]);
  expect(codesIn(undefined)).toEqual([]);
});
