import type { IncomingMessage, ServerResponse } from 'node:http';
import { findSessionUser, type Database } from '@pm/db';
import type { Context, Logger } from './context';
import { hashToken, SESSION_COOKIE } from './auth/session';

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function isHttps(req: IncomingMessage): boolean {
  return 'encrypted' in req.socket || req.headers['x-forwarded-proto'] === 'https';
}

/** The context of one HTTP request: the session cookie read, the user looked up once. */
export async function createRequestContext(
  deps: { db: Database; log: Logger },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Context> {
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  const user = token ? await findSessionUser(deps.db, hashToken(token), new Date()) : null;
  const secure = isHttps(req) ? '; Secure' : '';
  const write = (value: string, attributes: string) =>
    res.appendHeader(
      'Set-Cookie',
      `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict${secure}${attributes}`,
    );
  return {
    ...deps,
    user,
    address: req.socket.remoteAddress ?? 'unknown',
    cookie: {
      token,
      set: (value, expires) => write(value, `; Expires=${expires.toUTCString()}`),
      clear: () => write('', '; Max-Age=0'),
    },
  };
}
