import { z } from 'zod';
import { districtSchema, planFileSchema } from '@pm/core';
import { exportPlan, importPlan } from '@pm/db';
import { DocumentError } from '@pm/documents';
import { DomainError } from '../errors';
import {
  documentDraft,
  documentReader,
  documentRefusal,
  readDraft,
  readDraftSchema,
} from '../plans';
import { districtPeriods, planProcedure } from '../plan-choice';
import { ALL_ROLES, districtProcedure, roleProcedure, router } from '../trpc';

/**
 * A plan document sent as base64: 11 M characters is an 8 MB file, under the HTTP body limit
 * (12 MB); a plan's PDF or Word file is rarely 5 MB.
 */
const documentSchema = z.string().max(11_000_000);

export const plansRouter = router({
  /**
   * Reads a plan document (.txt .md .html .docx .pdf, recognised by content) into a draft: every
   * row of its main-indicator table with its source, its indicator or the reasons it has none.
   * Nothing is stored; the administrator checks the draft and imports it with plans.import.
   */
  readDocument: roleProcedure(['admin'])
    .input(
      z.object({
        district: districtSchema,
        filename: z.string().trim().min(1).max(300),
        base64: documentSchema,
      }),
    )
    .mutation(async ({ input }) => {
      const bytes = Buffer.from(input.base64, 'base64');
      const doc = await documentReader.read(bytes, input.filename).catch((error: unknown) => {
        throw error instanceof DocumentError ? documentRefusal(error, input.filename) : error;
      });
      return documentDraft(doc, input.district);
    }),

  /** Reads the draft's rows again after the administrator edited them, with the same parser. */
  readDraft: roleProcedure(['admin'])
    .input(readDraftSchema)
    .mutation(({ input }) => readDraft(input)),

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
