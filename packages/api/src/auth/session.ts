import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_IDLE_MINUTES } from '@pm/db';

export const SESSION_COOKIE = 'pm_session';
/** A session lasts a working day at most; signing in again starts a new one. */
export const SESSION_HOURS = 12;
/** …and ends sooner when unused this long (the default; the server's SESSION_IDLE_MINUTES). */
export const SESSION_IDLE_MINUTES = DEFAULT_IDLE_MINUTES;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash is stored, so a leaked sessions table opens no session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
