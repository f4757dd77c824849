import { z } from 'zod';

/** The largest value a PostgreSQL integer column holds: sequence numbers, versions, rounds. */
export const INT4_MAX = 2_147_483_647;

/** A positive whole number that fits an integer column (a seq, a version, a round number). */
export const positiveIntSchema = z
  .number()
  .int('must be a whole number')
  .positive('must be positive')
  .max(INT4_MAX, `must be at most ${INT4_MAX}`);
