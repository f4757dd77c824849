import { describe, expect, it } from 'vitest';
import { STATUSES, type PlanSummary } from '@pm/core';
import type { League, LeagueRow } from './league';
import { leagueView, rollUp } from './league-query';

const counts = (on: number, lag: number) =>
  ({
    ...Object.fromEntries(STATUSES.map((s) => [s, 0])),
    on_track: on,
    lagging: lag,
  }) as PlanSummary['byStatus'];

function row(code: string, reporting: LeagueRow['reporting'], on: number, lag: number): LeagueRow {
  return {
    code,
    name: `区${code}`,
    city: '某市',
    province: '某省',
    planTitle: '规划',
    year: 2024,
    reporting,
    dataYear: reporting === 'reported' ? 2024 : 2023,
    total: on + lag,
    assessed: on + lag,
    shareOnTrack: on / (on + lag),
    byStatus: counts(on, lag),
    phases: ['progress'],
    bindingWarnings: lag,
    completeness: { reported: reporting === 'reported' ? on + lag : 0, total: on + lag, share: 0 },
    demo: false,
    categories: {},
    categoryOrder: [],
  };
}

describe('league roll-ups', () => {
  it('grade, share and warn by the districts that reported the year; completeness counts all', () => {
    const up = rollUp(
      [row('130101', 'reported', 3, 1), row('130102', 'unreported', 0, 4)],
      { code: '13', name: '某省' },
      'province',
    );
    expect(up).toMatchObject({ districts: 2, reported: 1, unreported: 1, bindingWarnings: 1 });
    expect(up.byStatus.on_track).toBe(3);
    expect(up.byStatus.lagging).toBe(1);
    expect(up.shareOnTrack).toBe(0.75);
    expect(up.completeness).toEqual({ reported: 4, total: 8, share: 0.5 });
  });

  it('keeps each view of a league: the same view again is the same object, a new league is made afresh', () => {
    const league: League = {
      rows: [row('130101', 'reported', 3, 1), row('410101', 'reported', 1, 1)],
      years: [2024],
      categories: [],
    };
    const key = { show: 'all' as const, sort: 'rank' as const, descending: true };
    const first = leagueView(league, key);
    expect(first.rows.map((r) => r.code)).toEqual(['130101', '410101']);
    expect(first.groups.map((g) => g.code)).toEqual(['13', '41']);
    expect(leagueView(league, { ...key })).toBe(first);
    const province = leagueView(league, { ...key, province: '41' });
    expect(province.rows.map((r) => r.code)).toEqual(['410101']);
    const changed: League = { ...league, rows: [row('130101', 'reported', 0, 4), league.rows[1]!] };
    const after = leagueView(changed, key);
    expect(after).not.toBe(first);
    expect(after.rows.map((r) => r.code)).toEqual(['410101', '130101']);
  });
});
