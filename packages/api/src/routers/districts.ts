import { z } from 'zod';
import { periodKey, periodLabel, periodName } from '@pm/core';
import { listDistricts } from '@pm/db';
import { periodSchema } from '../plan-choice';
import { DomainError } from '../errors';
import { districtProcedure, ALL_ROLES, roleProcedure, router } from '../trpc';

export const districtsRouter = router({
  /**
   * The districts in the caller's scope, with the title and indicator count of one plan (that of
   * `period`, else the latest) and the periods of all their plans.
   */
  list: roleProcedure(ALL_ROLES)
    .input(z.object({ period: periodSchema.optional() }).default({}))
    .query(async ({ ctx, input }) =>
      (await listDistricts(ctx.db, ctx.user.districts, input.period)).map((d) => ({
        ...d,
        periods: d.periods.map((p) => ({
          period: periodKey(p),
          name: periodName(p),
          label: periodLabel(p),
        })),
      })),
    ),

  /** One district by its division code, with the plan of `period` (else its latest) and every period. */
  get: districtProcedure(ALL_ROLES)
    .input(z.object({ period: periodSchema.optional() }))
    .query(async ({ ctx, input }) => {
      const [district] = await listDistricts(ctx.db, [input.district], input.period);
      if (!district) {
        throw new DomainError(
          'NOT_FOUND',
          'district.notFound',
          `no district with code ${input.district}`,
          {
            code: input.district,
          },
        );
      }
      return district;
    }),
});
