import { z } from 'zod';
import { valueKindSchema } from '../plan';
import { comparatorInputSchema } from './comparator';
import { NUL_MESSAGE } from '../issues';
import { positiveIntSchema } from '../numbers';

const noNul = (s: string) => !s.includes('\u0000');

export const yearSchema = z.number().int().min(1949).max(2100);

/** A reason or comment a person must give: returning, reopening, confirming an unusual figure. */
export const reasonSchema = z
  .string()
  .trim()
  .min(1, 'give a reason')
  .max(500)
  .refine(noNul, NUL_MESSAGE);

/** A figure as a person sends it from the grid: the text as typed, read on the server by `readFigure`. */
export const valueChangeSchema = z.object({
  seq: positiveIntSchema,
  year: yearSchema,
  kind: valueKindSchema,
  value: z.union([z.number(), z.string().max(64)]),
  /** The version seen; null when no value was stored. */
  version: positiveIntSchema.nullable(),
  /** An assigned target's comparator; null is the plan's, left out keeps what is stored. */
  comparator: comparatorInputSchema.nullable().optional(),
  source: z.string().max(200).refine(noNul, NUL_MESSAGE).nullable().optional(),
  note: z.string().max(2000).refine(noNul, NUL_MESSAGE).nullable().optional(),
  reason: z.string().max(500).refine(noNul, NUL_MESSAGE).nullable().optional(),
});

/** A stored value at the version a person saw. */
export const cellRefSchema = z.object({
  id: z.number().int().positive(),
  version: positiveIntSchema,
});
