import { and, asc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import { arrayLiteral, queryRows, type Database } from '../client';
import { NamedStatement } from '../named-statement';
import { authEvents, districts, sessions, userDistricts, userRegions, users } from '../schema';

export type Role = (typeof users.$inferSelect)['role'];
export const ROLES: readonly Role[] = ['official', 'reviewer', 'leader', 'admin'];

/**
 * Who is signed in, and which districts they may see: `'all'` or a list of codes, those listed
 * for them and every district of the regions (provinces, cities) they are scoped to.
 */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  districts: string[] | 'all';
  /** The provinces (2 digits) and cities (4) whose every district they see, today's and later ones. */
  regions: string[];
}

export interface UserRow extends SessionUser {
  /** The districts listed for them (or all), without those of their regions. */
  listed: string[] | 'all';
  /** The name of each of their regions (河北省, 石家庄市), as most of its districts give it. */
  regionNames: Record<string, string>;
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
  /** Provinces (2 digits) and cities (4) whose every district the user sees. */
  regions?: string[];
}

/** Who a user sees: listed districts (or all), and every district of listed regions. */
export interface UserScope {
  districts: string[] | 'all';
  regions: string[];
}

/** A user of that name exists already, or a district of the scope does not exist. */
export class UserError extends Error {
  constructor(
    readonly reason: 'duplicate' | 'unknown_district' | 'unknown_region' | 'not_found',
    message: string,
    /** What the message is about: the user name, or the unknown codes. */
    readonly detail = '',
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * A user with the codes of the districts they see: those listed, and those of their regions
 * (a district's code starts with its province's and city's). Subqueries, not joins, so that a
 * user of no region costs one index lookup more.
 */
/** The users row's id, qualified: drizzle writes a column bare when one table is selected from. */
const userIdColumn = sql.raw('"users"."id"');

const sessionUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  allDistricts: users.allDistricts,
  codes: sql<(string | null)[]>`array(
    select ud.district_id from ${userDistricts} ud where ud.user_id = ${userIdColumn}
    union
    select d.id from ${userRegions} ur join ${districts} d on left(d.id, length(ur.code)) = ur.code
    where ur.user_id = ${userIdColumn}
    order by 1)`,
  regions: sql<string[]>`array(
    select ur.code from ${userRegions} ur where ur.user_id = ${userIdColumn} order by 1)`,
};

/** The districts listed for a user, without those of their regions (what an admin edits). */
const listedColumn = sql<string[]>`array(
  select ud.district_id from ${userDistricts} ud where ud.user_id = ${userIdColumn} order by 1)`;

const scopeOf = (all: boolean, codes: (string | null)[] | null): string[] | 'all' =>
  all ? 'all' : (codes ?? []).filter((c): c is string => c !== null).sort();

/**
 * Writes a user's scope (listed districts and regions) in `tx`, replacing what was there; a
 * district code that names no district, or a region with none in it, is refused by name.
 */
async function writeScope(tx: Database, userId: number, scope: UserScope): Promise<void> {
  const listed = scope.districts === 'all' ? [] : [...new Set(scope.districts)];
  if (listed.length > 0) {
    const known = await tx
      .select({ id: districts.id })
      .from(districts)
      .where(inArray(districts.id, listed));
    const missing = listed.filter((c) => !known.some((k) => k.id === c));
    if (missing.length > 0)
      throw new UserError(
        'unknown_district',
        `no district ${missing.join(', ')}`,
        missing.join(', '),
      );
  }
  const regions = [...new Set(scope.regions)];
  if (regions.length > 0) {
    const present = await queryRows<{ code: string }>(
      tx,
      sql`select r.code from unnest(${arrayLiteral(regions)}::text[]) as r(code)
      where exists (select 1 from ${districts} d where left(d.id, length(r.code)) = r.code)`,
    );
    const empty = regions.filter((c) => !present.some((p) => p.code === c));
    if (empty.length > 0)
      throw new UserError(
        'unknown_region',
        `no district is in region ${empty.join(', ')}`,
        empty.join(', '),
      );
  }
  await tx.delete(userDistricts).where(eq(userDistricts.userId, userId));
  await tx.delete(userRegions).where(eq(userRegions.userId, userId));
  if (listed.length > 0)
    await tx.insert(userDistricts).values(listed.map((d) => ({ userId, districtId: d })));
  if (regions.length > 0)
    await tx.insert(userRegions).values(regions.map((code) => ({ userId, code })));
}

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
    await writeScope(tx as unknown as Database, row.id, {
      districts: user.districts,
      regions: user.regions ?? [],
    });
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
      listed: listedColumn,
    })
    .from(users)
    .orderBy(asc(users.username));
  const names = await regionNames(db);
  return rows.map(({ allDistricts, codes, listed, ...u }) => ({
    ...u,
    districts: scopeOf(allDistricts, codes),
    listed: scopeOf(allDistricts, listed),
    regionNames: Object.fromEntries(u.regions.map((c) => [c, names.get(c) ?? c])),
  }));
}

/** The name of every region a user is scoped to: the province's or city's name most of its districts give. */
async function regionNames(db: Database): Promise<Map<string, string>> {
  const rows = await queryRows<{ code: string; name: string }>(
    db,
    sql`select r.code, mode() within group (
        order by case when length(r.code) = 2 then d.province else d.city end) as name
      from (select distinct code from ${userRegions}) r
      join ${districts} d on left(d.id, length(r.code)) = r.code
      group by r.code`,
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

/**
 * Replaces whom a user sees: listed districts (or all) and regions. Their sessions see the new
 * scope on their next request (it is read with the session).
 */
export async function setUserScope(
  db: Database,
  username: string,
  scope: UserScope,
): Promise<UserRow> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ allDistricts: scope.districts === 'all' })
      .where(eq(users.username, username))
      .returning({ id: users.id });
    if (!row) throw new UserError('not_found', `no user ${username}`, username);
    await writeScope(tx as unknown as Database, row.id, scope);
  });
  const found = (await listUsers(db)).find((u) => u.username === username);
  if (!found) throw new UserError('not_found', `no user ${username}`, username);
  return found;
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
  regions: string[];
  lastSeenAt: Date;
}>('pm_session_user', sessionLookupColumns, (db) =>
  db
    .select(sessionLookupColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.lastSeenAt, sql.placeholder('idleSince')),
        eq(users.disabled, false),
      ),
    ),
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
