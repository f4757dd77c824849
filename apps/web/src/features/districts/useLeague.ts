import { useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import type { League, LeagueRow } from '../scorecard/types';
import type { LeagueFilters } from './leagueView';

/** Rows fetched at a time: a screenful or two of a large scope, one request for a small one. */
export const LEAGUE_PAGE = 100;

/**
 * The league of `filters`, a page of rows at a time (`offset` is the page's cursor; tRPC's own
 * infinite options would send it as `cursor`, which the league does not take). The key sits under
 * the procedure's path, so invalidating `scorecard.league` refreshes it. While new filters load,
 * the rows of the old ones stay on screen.
 */
export function useLeague(filters: LeagueFilters) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const query = useInfiniteQuery({
    queryKey: [...trpc.scorecard.league.pathKey(), { input: filters, type: 'infinite' }],
    queryFn: ({ pageParam, signal }) =>
      client.scorecard.league.query(
        { ...filters, offset: pageParam, limit: LEAGUE_PAGE },
        { signal },
      ),
    initialPageParam: 0,
    getNextPageParam: (last: League) => {
      const next = last.offset + last.rows.length;
      return last.rows.length > 0 && next < last.total ? next : undefined;
    },
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages;
  const rows = useMemo(() => {
    // A district that moved between two pages' requests would come twice: keep its first place.
    const seen = new Set<string>();
    const all: LeagueRow[] = [];
    for (const page of pages ?? [])
      for (const r of page.rows)
        if (!seen.has(r.code)) {
          seen.add(r.code);
          all.push(r);
        }
    return all;
  }, [pages]);
  return { query, league: pages?.[0], rows };
}
