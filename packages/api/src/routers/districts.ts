import { listDistricts } from '@pm/db';
import { DomainError } from '../errors';
import { districtProcedure, ALL_ROLES, roleProcedure, router } from '../trpc';

export const districtsRouter = router({
  /** The districts in the caller's scope, with plan title and indicator count. */
  list: roleProcedure(ALL_ROLES).query(({ ctx }) => listDistricts(ctx.db, ctx.user.districts)),

  /** One district by its division code. */
  get: districtProcedure(ALL_ROLES).query(async ({ ctx, input }) => {
    const [district] = await listDistricts(ctx.db, [input.district]);
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
