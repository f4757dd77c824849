import { createUser, findCredentials, type Database, type Role, type SessionUser } from '@pm/db';
import type { Context, Logger, SessionCookie } from './context';
import { hashPassword } from './auth/password';
import { createCaller } from './root';

export const silentLog: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** A cookie jar standing in for the browser: what the server set, and what the next call sends. */
export function cookieJar(token: string | null = null): SessionCookie & { value: string | null } {
  const jar = {
    value: token,
    token,
    set(value: string) {
      jar.value = value;
    },
    clear() {
      jar.value = null;
    },
  };
  return jar;
}

export function callerFor(
  db: Database,
  user: SessionUser | null = null,
  overrides: Partial<Context> = {},
) {
  return createCaller({
    db,
    log: silentLog,
    user,
    cookie: cookieJar(),
    address: '127.0.0.1',
    // Tests read as of one reporting year, whatever today's date.
    reportingYear: 2025,
    ...overrides,
  });
}

// Hashing is slow on purpose; tests share one hash.
let sharedHash: Promise<string> | undefined;
export const TEST_PASSWORD = 'correct horse battery';

/** Creates a user (if missing) and returns them as the session would. */
export async function testUser(
  db: Database,
  username: string,
  role: Role,
  districts: string[] | 'all',
): Promise<SessionUser> {
  const existing = await findCredentials(db, username);
  const id =
    existing?.id ??
    (await createUser(db, {
      username,
      displayName: username,
      role,
      districts,
      passwordHash: await (sharedHash ??= hashPassword(TEST_PASSWORD)),
    }));
  return { id, username, displayName: username, role, districts, regions: [] };
}
