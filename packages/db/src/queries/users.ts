import { and, asc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { NamedStatement } from '../named-statement';
import { authEvents, districts, sessions, userDistricts, users } from '../schema';

export type Role = (typeof users.$inferSelect)['role'];
export const ROLES: readonly Role[] = ['official', 'reviewer', 'leader', 'admin'];

/** Who is signed in, and which districts they may see: `'all'` or a list of codes. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  districts: string[] | 'all';
}

export interface UserRow extends SessionUser {
  /** 单位, as a report is signed. */
  unit: string | null;
  disabled: boolean;
  createdAt: Date;
}

export interface NewUser {
  username: string;
  displayName: string;
  unit?: string | null;
  role: Role;
  passwordHash: string;
  districts: string[] | 'all';
}

/** A user of that name exists already, or a district of the scope does not exist. */
export class UserError extends Error {
  constructor(
    readonly reason: 'duplicate' | 'unknown_district' | 'not_found',
    message: string,
    /** What the message is about: the user name, or the unknown codes. */
    readonly detail = '',
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A user with their district codes aggregated; needs a left join of user_districts and a group by. */
const sessionUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  allDistricts: users.allDistricts,
  codes: sql<
    (string | null)[]
  >`array_agg(${userDistricts.districtId} order by ${userDistricts.districtId})`,
};

const scopeOf = (all: boolean, codes: (string | null)[] | null): string[] | 'all' =>
  all ? 'all' : (codes ?? []).filter((c): c is string => c !== null).sort();

export async function createUser(db: Database, user: NewUser): Promise<number> {
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, user.username));
    if (taken)
      throw new UserError('duplicate', `user ${user.username} exists already`, user.username);
    const [row] = await tx
      .insert(users)
      .values({
        username: user.username,
        displayName: user.displayName,
        unit: user.unit ?? null,
        role: user.role,
        passwordHash: user.passwordHash,
        allDistricts: user.districts === 'all',
      })
      .returning({ id: users.id });
    if (!row) throw new Error('user insert returned nothing');
    if (user.districts !== 'all' && user.districts.length > 0) {
      const known = await tx
        .select({ id: districts.id })
        .from(districts)
        .where(inArray(districts.id, user.districts));
      const missing = user.districts.filter((c) => !known.some((k) => k.id === c));
      if (missing.length > 0) {
        throw new UserError(
          'unknown_district',
          `no district ${missing.join(', ')}`,
          missing.join(', '),
        );
      }
      await tx
        .insert(userDistricts)
        .values(user.districts.map((d) => ({ userId: row.id, districtId: d })));
    }
    return row.id;
  });
}

export async function listUsers(db: Database): Promise<UserRow[]> {
  const rows = await db
    .select({
      ...sessionUserColumns,
      unit: users.unit,
      disabled: users.disabled,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(userDistricts, eq(userDistricts.userId, users.id))
    .groupBy(users.id)
    .orderBy(asc(users.username));
  return rows.map(({ allDistricts, codes, ...u }) => ({
    ...u,
    districts: scopeOf(allDistricts, codes),
  }));
}

/** How a user signs a report: display name and 单位; null for a user name no one has. */
export async function findSigner(
  db: Database,
  username: string,
): Promise<{ name: string; unit: string | null } | null> {
  const [row] = await db
    .select({ name: users.displayName, unit: users.unit })
    .from(users)
    .where(eq(users.username, username));
  return row ?? null;
}

/** The password hash of an enabled user, for signing in. */
export async function findCredentials(
  db: Database,
  username: string,
): Promise<{ id: number; passwordHash: string; disabled: boolean } | null> {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(eq(users.username, username));
  return row ?? null;
}

/** Disables or enables a user; disabling ends their sessions. */
export async function setUserDisabled(
  db: Database,
  username: string,
  disabled: boolean,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ disabled })
      .where(eq(users.username, username))
      .returning({ id: users.id });
    if (!row) throw new UserError('not_found', `no user ${username}`, username);
    if (disabled) await tx.delete(sessions).where(eq(sessions.userId, row.id));
  });
}

/**
 * Changes how a user is named in the app and signs reports (显示名称, 单位): only what is given;
 * `unit: null` clears the unit. Reports already finalized keep the signature they were signed with.
 */
export async function setUserProfile(
  db: Database,
  username: string,
  profile: { displayName?: string; unit?: string | null },
): Promise<UserRow> {
  const changes: { displayName?: string; unit?: string | null } = {};
  if (profile.displayName !== undefined) changes.displayName = profile.displayName;
  if (profile.unit !== undefined) changes.unit = profile.unit;
  if (Object.keys(changes).length > 0) {
    const [row] = await db
      .update(users)
      .set(changes)
      .where(eq(users.username, username))
      .returning({ id: users.id });
    if (!row) throw new UserError('not_found', `no user ${username}`, username);
  }
  const found = (await listUsers(db)).find((u) => u.username === username);
  if (!found) throw new UserError('not_found', `no user ${username}`, username);
  return found;
}

/**
 * Sets a new password and ends every session of the user but `keepSession` (the token hash of
 * the session a user changed their own password in).
 */
export async function setPassword(
  db: Database,
  username: string,
  passwordHash: string,
  { keepSession }: { keepSession?: string } = {},
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date() })
      .where(eq(users.username, username))
      .returning({ id: users.id });
    if (!row) throw new UserError('not_found', `no user ${username}`, username);
    await tx
      .delete(sessions)
      .where(
        and(
          eq(sessions.userId, row.id),
          keepSession ? ne(sessions.tokenHash, keepSession) : undefined,
        ),
      );
  });
}

/** A session unused for this long ends, whatever its absolute expiry (SESSION_IDLE_MINUTES). */
export const DEFAULT_IDLE_MINUTES = 30;
/** `last_seen_at` is written at most this often per session, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(
  db: Database,
  tokenHash: string,
  userId: number,
  expiresAt: Date,
  now = new Date(),
) {
  await db
    .insert(sessions)
    .values({ tokenHash, userId, expiresAt, createdAt: now, lastSeenAt: now });
}

const sessionLookupColumns = { ...sessionUserColumns, lastSeenAt: sessions.lastSeenAt };

/** The session lookup of every request. */
const sessionUserStatement = new NamedStatement<{
  id: number;
  username: string;
  displayName: string;
  role: Role;
  allDistricts: boolean;
  codes: (string | null)[] | null;
  lastSeenAt: Date;
}>('pm_session_user', sessionLookupColumns, (db) =>
  db
    .select(sessionLookupColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userDistricts, eq(userDistricts.userId, users.id))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.lastSeenAt, sql.placeholder('idleSince')),
        eq(users.disabled, false),
      ),
    )
    .groupBy(users.id, sessions.tokenHash),
);

/**
 * The user of a live session, in one query; null when expired, idle for `idleMinutes` or more,
 * unknown or disabled. A session last seen a minute or more ago is marked seen at `now` (one
 * write a minute per session, not one per request).
 */
export async function findSessionUser(
  db: Database,
  tokenHash: string,
  now: Date,
  idleMinutes = DEFAULT_IDLE_MINUTES,
): Promise<SessionUser | null> {
  const idleSince = new Date(now.getTime() - idleMinutes * 60_000);
  const [row] = await sessionUserStatement.execute(db, {
    tokenHash,
    now: now.toISOString(),
    idleSince: idleSince.toISOString(),
  });
  if (!row) return null;
  const { allDistricts, codes, lastSeenAt, ...u } = row;
  if (now.getTime() - new Date(lastSeenAt).getTime() >= TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenAt, now)));
  }
  return { ...u, districts: scopeOf(allDistricts, codes) };
}

export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export type AuthEventKind = (typeof authEvents.$inferInsert)['kind'];

export async function recordAuthEvent(
  db: Database,
  event: {
    kind: AuthEventKind;
    username?: string | null;
    userId?: number | null;
    address?: string | null;
    detail?: string | null;
  },
): Promise<void> {
  await db.insert(authEvents).values(event);
}

/** The auth events, newest first (for tests and the admin page). */
export async function listAuthEvents(db: Database, limit = 100) {
  return db
    .select()
    .from(authEvents)
    .orderBy(sql`${authEvents.id} desc`)
    .limit(limit);
}
