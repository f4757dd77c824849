import { z } from 'zod';

/** The shortest password a person may set (ASVS 2.1.1); generated ones have 16 characters. */
export const MIN_PASSWORD_LENGTH = 12;

/** Every password a person sets: by an admin, on the command line, or their own change. */
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `password must have at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256, 'password must have at most 256 characters');
