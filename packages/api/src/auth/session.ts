import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'pm_session';
/** A session lasts a working day at most (and less when idle: DEFAULT_IDLE_MINUTES); signing in again starts a new one. */
export const SESSION_HOURS = 12;

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash is stored, so a leaked sessions table opens no session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
