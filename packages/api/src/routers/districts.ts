import { z } from 'zod';
import { districtCodeSchema } from '@pm/core';
import { listDistricts } from '@pm/db';
import { DomainError } from '../errors';
import { publicProcedure, router } from '../trpc';

export const districtsRouter = router({
  /** Every district with its plan title and indicator count. */
  list: publicProcedure.query(({ ctx }) => listDistricts(ctx.db)),

  /** One district by its division code. */
  get: publicProcedure
    .input(z.object({ code: districtCodeSchema }))
    .query(async ({ ctx, input }) => {
      const [district] = await listDistricts(ctx.db, [input.code]);
      if (!district) {
        throw new DomainError(
          'NOT_FOUND',
          'district.notFound',
          `no district with code ${input.code}`,
          {
            code: input.code,
          },
        );
      }
      return district;
    }),
});
