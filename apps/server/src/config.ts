import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import type { DbOptions } from '@pm/db';

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535 (0 picks a free port)')
    .max(65535, 'must be between 0 and 65535 (0 picks a free port)')
    .default(3000),
  PM_DATA_DIR: z.string().min(1, 'must not be empty').default('./.data'),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  database: DbOptions;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

/** A setting is wrong: `setting` names the variable and `message` says why, in one line. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the configuration once, from `env`. A relative PM_DATA_DIR is taken from where the
 * command was typed (npm's INIT_CWD), not from the workspace npm switched to.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue?.path[0] ?? 'environment'), issue?.message ?? 'invalid');
  }
  const { PORT, PM_DATA_DIR, DATABASE_URL, LOG_LEVEL } = parsed.data;
  const base = env.INIT_CWD ?? process.cwd();
  const dataDir = isAbsolute(PM_DATA_DIR) ? PM_DATA_DIR : resolve(base, PM_DATA_DIR);
  return {
    port: PORT,
    database: DATABASE_URL
      ? { driver: 'postgres', url: DATABASE_URL }
      : { driver: 'pglite', dataDir },
    logLevel: LOG_LEVEL,
  };
}
