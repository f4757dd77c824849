import type { inferOutput } from '@trpc/tanstack-react-query';
import type { useTRPC } from '../../lib/trpc';

type Api = ReturnType<typeof useTRPC>;
export type Round = inferOutput<Api['evaluations']['list']>['rounds'][number];
export type EvaluationView = inferOutput<Api['evaluations']['get']>;
export type EvaluationItem = EvaluationView['items'][number];
