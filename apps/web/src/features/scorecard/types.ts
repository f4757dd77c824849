import type { inferOutput } from '@trpc/tanstack-react-query';
import type { useTRPC } from '../../lib/trpc';

type Api = ReturnType<typeof useTRPC>;
export type Scorecard = inferOutput<Api['scorecard']['district']>;
export type ScorecardRow = Scorecard['indicators'][number];
export type IndicatorDetail = inferOutput<Api['scorecard']['indicator']>;
export type League = inferOutput<Api['scorecard']['league']>;
export type LeagueRow = League['rows'][number];
