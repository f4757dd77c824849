import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_IDLE_MINUTES, findSessionUser, type Database } from '@pm/db';
import type { Context, Logger } from './context';
import { hashToken, SESSION_COOKIE } from './auth/session';
import { clientOf, NO_PROXY, type ProxyTrust } from './client-address';

/** The cookie's value; null when missing or not decodable (`%E0%A4%A`), which is no session. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('=')) || null;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The context of one HTTP request: the session cookie read, the user looked up once. A session
 * unused for `idleMinutes` (SESSION_IDLE_MINUTES) is no session. The client's address, and
 * whether it came over HTTPS, are believed from X-Forwarded-* only when sent by a proxy of
 * `trustProxy` (TRUST_PROXY).
 */
export async function createRequestContext(
  {
    db,
    readDb,
    log,
    idleMinutes = DEFAULT_IDLE_MINUTES,
    trustProxy = NO_PROXY,
    reportingYear,
  }: {
    db: Database;
    /** A read replica for the league and the scorecards (DATABASE_REPLICA_URL). */
    readDb?: Database;
    log: Logger;
    idleMinutes?: number;
    trustProxy?: ProxyTrust;
    /** REPORTING_YEAR; absent, the year before today's, read at each request. */
    reportingYear?: number;
  },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Context> {
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  const user = token ? await findSessionUser(db, hashToken(token), new Date(), idleMinutes) : null;
  const client = clientOf(req, trustProxy);
  const secure = client.https ? '; Secure' : '';
  const write = (value: string, attributes: string) =>
    res.appendHeader(
      'Set-Cookie',
      `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict${secure}${attributes}`,
    );
  return {
    db,
    ...(readDb ? { readDb } : {}),
    log,
    user,
    address: client.address,
    ...(reportingYear === undefined ? {} : { reportingYear }),
    cookie: {
      token,
      set: (value, expires) => write(value, `; Expires=${expires.toUTCString()}`),
      clear: () => write('', '; Max-Age=0'),
    },
  };
}
