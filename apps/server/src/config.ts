import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { proxyTrust } from '@pm/api';
import { DEFAULT_AUTH_RETENTION_DAYS, DEFAULT_IDLE_MINUTES, type DbOptions } from '@pm/db';

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** An IP address, or a host name (not digits and dots that are no IPv4 address, like 999.1.1.1). */
const isHost = (v: string) => isIP(v) !== 0 || (HOST_NAME.test(v) && !/^[\d.]+$/.test(v));

const wholeNumber = (min: number, max: number, unit: string) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be between ${min} and ${max} ${unit}`)
    .max(max, `must be between ${min} and ${max} ${unit}`);

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
  DATABASE_REPLICA_URL: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || isHost(v), {
      message: 'must be an IP address (127.0.0.1, ::1, 0.0.0.0) or a host name',
    }),
  SESSION_IDLE_MINUTES: wholeNumber(1, 12 * 60, 'minutes').default(DEFAULT_IDLE_MINUTES),
  AUTH_EVENTS_RETENTION_DAYS: wholeNumber(1, 36_500, 'days').default(DEFAULT_AUTH_RETENTION_DAYS),
  REPORTING_YEAR: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || /^\d{4}$/.test(v), {
      message: 'must be a four-digit year, e.g. 2025 (the year whose figures are being reported)',
    })
    .transform((v) => (v === undefined ? undefined : Number(v)))
    .refine((v) => v === undefined || (v >= 1949 && v <= 2100), {
      message: 'must be a year between 1949 and 2100',
    }),
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .superRefine((entries, ctx) => {
      try {
        proxyTrust(entries);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
});

export interface Config {
  port: number;
  /** The address to listen on; undefined is every interface (IPv6 and IPv4), as Node does. */
  host: string | undefined;
  database: DbOptions;
  /**
   * A read replica of the PostgreSQL primary (DATABASE_REPLICA_URL): the league and the
   * scorecards read from it; everything else, and every write, goes to the primary.
   */
  replica: (DbOptions & { driver: 'postgres' }) | null;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** A session unused this long ends (the absolute limit is 12 hours). */
  sessionIdleMinutes: number;
  /** Auth events older than this are deleted, at start-up and daily. */
  authEventsRetentionDays: number;
  /**
   * The reverse proxies in front of the server (addresses or networks), whose X-Forwarded-For
   * and X-Forwarded-Proto are believed; none by default.
   */
  trustProxy: string[];
  /**
   * The year whose figures are being reported: what pages open at and which plan they show when
   * a request names neither. Undefined: the year before today's (figures come out the next year).
   */
  reportingYear: number | undefined;
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
  const { PORT, HOST, PM_DATA_DIR, DATABASE_URL, DATABASE_REPLICA_URL, LOG_LEVEL } = parsed.data;
  if (DATABASE_REPLICA_URL && !DATABASE_URL)
    throw new ConfigError(
      'DATABASE_REPLICA_URL',
      'needs DATABASE_URL: a read replica is of a PostgreSQL primary, not of the embedded database',
    );
  const base = env.INIT_CWD ?? process.cwd();
  const dataDir = isAbsolute(PM_DATA_DIR) ? PM_DATA_DIR : resolve(base, PM_DATA_DIR);
  return {
    port: PORT,
    host: HOST,
    database: DATABASE_URL
      ? { driver: 'postgres', url: DATABASE_URL }
      : { driver: 'pglite', dataDir },
    replica: DATABASE_REPLICA_URL
      ? { driver: 'postgres', url: DATABASE_REPLICA_URL, setting: 'DATABASE_REPLICA_URL' }
      : null,
    logLevel: LOG_LEVEL,
    sessionIdleMinutes: parsed.data.SESSION_IDLE_MINUTES,
    authEventsRetentionDays: parsed.data.AUTH_EVENTS_RETENTION_DAYS,
    trustProxy: parsed.data.TRUST_PROXY,
    reportingYear: parsed.data.REPORTING_YEAR,
  };
}
