import type { IncomingMessage, ServerResponse } from 'node:http';
import { findSessionUser, type Database } from '@pm/db';
import type { Context, Logger } from './context';
import { hashToken, SESSION_COOKIE, SESSION_IDLE_MINUTES } from './auth/session';

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

function isHttps(req: IncomingMessage): boolean {
  return 'encrypted' in req.socket || req.headers['x-forwarded-proto'] === 'https';
}

/**
 * The context of one HTTP request: the session cookie read, the user looked up once. A session
 * unused for `idleMinutes` (SESSION_IDLE_MINUTES) is no session.
 */
export async function createRequestContext(
  {
    db,
    log,
    idleMinutes = SESSION_IDLE_MINUTES,
  }: { db: Database; log: Logger; idleMinutes?: number },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Context> {
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  const user = token ? await findSessionUser(db, hashToken(token), new Date(), idleMinutes) : null;
  const secure = isHttps(req) ? '; Secure' : '';
  const write = (value: string, attributes: string) =>
    res.appendHeader(
      'Set-Cookie',
      `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict${secure}${attributes}`,
    );
  return {
    db,
    log,
    user,
    address: req.socket.remoteAddress ?? 'unknown',
    cookie: {
      token,
      set: (value, expires) => write(value, `; Expires=${expires.toUTCString()}`),
      clear: () => write('', '; Max-Age=0'),
    },
  };
}
