import { z } from 'zod';
import { LEAD_DEPARTMENT_MAX, leadDepartmentSchema, positiveIntSchema } from '@pm/core';
import { setLeadDepartment } from '@pm/db';
import { DomainError } from '../errors';
import { periodSchema, resolvePlan } from '../plan-choice';
import { districtProcedure, router } from '../trpc';

/** The name as typed; its length is checked after trimming, to be refused in the user's words. */
const setInput = z.object({
  period: periodSchema.optional(),
  seq: positiveIntSchema,
  leadDepartment: z.string().max(10_000),
});

/** The typed name, trimmed, or the refusal a person reads beside the field. */
function departmentOf(typed: string): string {
  const read = leadDepartmentSchema.safeParse(typed);
  if (read.success) return read.data;
  const blank = typed.trim() === '';
  throw new DomainError(
    'BAD_REQUEST',
    blank ? 'departments.missing' : 'departments.tooLong',
    `leadDepartment: ${read.error.issues[0]?.message ?? 'not a department name'}`,
    { field: 'leadDepartment', max: LEAD_DEPARTMENT_MAX, length: typed.trim().length },
  );
}

export const departmentsRouter = router({
  /**
   * An administrator names indicator `seq`'s 牵头单位 in the plan of `period` (default: the
   * reporting year's); the plan's audit records who changed it, when, from what to what.
   */
  setLeadDepartment: districtProcedure(['admin'])
    .input(setInput)
    .mutation(async ({ ctx, input }) => {
      const department = departmentOf(input.leadDepartment);
      const plan = await resolvePlan(ctx, input.district, { period: input.period });
      const { indicator, changed } = await setLeadDepartment(
        ctx.db,
        plan.planId,
        input.seq,
        department,
        ctx.user.username,
      );
      return { plan, seq: indicator.seq, leadDepartment: indicator.leadDepartment, changed };
    }),
});
