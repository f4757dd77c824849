import { planFileSchema } from '@pm/core';
import { exportPlan, importPlan } from '@pm/db';
import { DomainError } from '../errors';
import { districtPeriods, planProcedure } from '../plan-choice';
import { ALL_ROLES, districtProcedure, roleProcedure, router } from '../trpc';

export const plansRouter = router({
  /** Imports a plan file; the whole file is validated first and a bad one changes nothing. */
  import: roleProcedure(['admin'])
    .input(planFileSchema)
    .mutation(({ ctx, input }) => importPlan(ctx.db, input)),

  /** The district's plans, one per period, and the one pages open without a period. */
  periods: districtProcedure(ALL_ROLES).query(({ ctx, input }) =>
    districtPeriods(ctx, input.district),
  ),

  /** One of the district's plans (default: the reporting year's) in the interchange format. */
  export: planProcedure(ALL_ROLES).query(async ({ ctx, input }) => {
    const file = await exportPlan(ctx.db, input.district, ctx.plan);
    if (!file)
      throw new DomainError(
        'NOT_FOUND',
        'plans.notFound',
        `no plan for district ${input.district}`,
      );
    return file;
  }),
});
