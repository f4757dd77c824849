import { planFileSchema } from '@pm/core';
import { exportPlan, importPlan, PlanImportError } from '@pm/db';
import { DomainError } from '../errors';
import { ALL_ROLES, districtProcedure, roleProcedure, router } from '../trpc';

export const plansRouter = router({
  /** Imports a plan file; the whole file is validated first and a bad one changes nothing. */
  import: roleProcedure(['admin'])
    .input(planFileSchema)
    .mutation(async ({ ctx, input }) => {
      try {
        return await importPlan(ctx.db, input);
      } catch (error) {
        if (error instanceof PlanImportError) {
          throw new DomainError('CONFLICT', 'plans.wouldLoseValues', error.message, {
            detail: error.message,
          });
        }
        throw error;
      }
    }),

  /** The district's plan in the interchange format. */
  export: districtProcedure(ALL_ROLES).query(async ({ ctx, input }) => {
    const file = await exportPlan(ctx.db, input.district);
    if (!file)
      throw new DomainError(
        'NOT_FOUND',
        'plans.notFound',
        `no plan for district ${input.district}`,
      );
    return file;
  }),
});
