import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { readSnapshot, roundKind, type EvaluationSnapshot } from '@pm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from './client';
import { migrate, migrationsFolder } from './migrate';
import { listRounds, loadRound, openRound } from './queries/evaluations';
import { loadPlanById } from './queries/plans';
import { loadIndicatorRecord } from './queries/scorecard';
import { findSessionUser, listAuthEvents, listUsers } from './queries/users';
import { loadDeletions, loadHistory, loadValues, saveValues } from './queries/values';
import {
  authEvents,
  districts,
  evaluationItems,
  evaluationRounds,
  indicators,
  plans,
  sessions,
  userDistricts,
  users,
  valueDeletions,
  valueHistory,
  yearlyValues,
} from './schema';
import { openTestDatabase, testDrivers, type TestDatabase } from './testing';

/**
 * The last migration of the previous release: a database that release filled must upgrade to
 * this one with nothing lost. At each release, move it forward to that release's last migration
 * and add upgrade-fixtures/<its tag>.sql, a database filled by that release and dumped as INSERTs
 * (see the header of the current one).
 */
const PREVIOUS_RELEASE = '0006_security';

const BREAKPOINT = '--> statement-breakpoint';

/** A copy of drizzle/ whose journal ends at `tag`, for building a database of that release. */
function migrationsUpTo(tag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'pm-upgrade-'));
  cpSync(migrationsFolder(), folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === tag);
  if (last < 0) throw new Error(`drizzle/ has no migration ${tag} (PREVIOUS_RELEASE)`);
  writeFileSync(
    journalPath,
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }),
  );
  return folder;
}

async function loadFixture(db: Database, tag: string): Promise<void> {
  const text = readFileSync(new URL(`./upgrade-fixtures/${tag}.sql`, import.meta.url), 'utf8');
  for (const statement of text.split(BREAKPOINT)) await db.execute(sql.raw(statement));
}

/** One table as text, every column exactly as PostgreSQL prints it, in primary-key order. */
interface TableDump {
  columns: string[];
  rows: Record<string, string | null>[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table of the public schema, whatever the release: what "nothing lost" is checked on. */
async function dumpTables(db: Database): Promise<Map<string, TableDump>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const dump = new Map<string, TableDump>();
  for (const { name } of tables) {
    const columns = (
      await queryRows<{ name: string }>(
        db,
        sql`select column_name as name from information_schema.columns
          where table_schema = 'public' and table_name = ${name} order by ordinal_position`,
      )
    ).map((c) => c.name);
    const key = (
      await queryRows<{ name: string }>(
        db,
        sql`select a.attname as name from pg_index i
          join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
          where i.indrelid = ${`public.${ident(name)}`}::regclass and i.indisprimary
          order by array_position(i.indkey, a.attnum)`,
      )
    ).map((c) => c.name);
    const list = columns.map((c) => `${ident(c)}::text as ${ident(c)}`).join(', ');
    const order = (key.length > 0 ? key : columns).map((c) => `${ident(name)}.${ident(c)}`);
    const rows = await queryRows<Record<string, string | null>>(
      db,
      sql.raw(`select ${list} from ${ident(name)} order by ${order.join(', ')}`),
    );
    dump.set(name, { columns, rows });
  }
  return dump;
}

const pick = (row: Record<string, string | null>, columns: readonly string[]) =>
  Object.fromEntries(columns.map((c) => [c, row[c]]));

describe.each(testDrivers())(`upgrade from the release of ${PREVIOUS_RELEASE} [%s]`, (driver) => {
  let test: TestDatabase | undefined;
  let before = new Map<string, TableDump>();
  let after = new Map<string, TableDump>();
  const db = () => {
    if (!test) throw new Error('test database not open');
    return test.handle.db;
  };

  beforeAll(async () => {
    test = await openTestDatabase(driver, false);
    const folder = migrationsUpTo(PREVIOUS_RELEASE);
    try {
      await migrate(test.handle, folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await loadFixture(db(), PREVIOUS_RELEASE);
    before = await dumpTables(db());
    await migrate(test.handle);
    after = await dumpTables(db());
  }, 120_000);

  afterAll(async () => {
    await test?.drop();
  });

  it('the fixture fills every table the previous release had', () => {
    const empty = [...before].filter(([, t]) => t.rows.length === 0).map(([name]) => name);
    expect(empty).toEqual([]);
    expect(before.size).toBeGreaterThan(0);
  });

  it('every row of every table is still there, each column as it was (snapshots byte for byte)', () => {
    // New columns may appear; old ones keep every value. A migration that rewrites stored data on
    // purpose (as 0005 did) fails here: assert its rewrite in a test of its own, beside this one.
    // Soft: a lossy migration is reported for every table it touched, not the first only.
    for (const [name, old] of before) {
      const now = after.get(name) ?? { columns: [], rows: [] };
      expect.soft(now.columns, `columns of ${name}`).toEqual(expect.arrayContaining(old.columns));
      expect
        .soft(
          now.rows.map((r) => pick(r, old.columns)),
          `rows of ${name}`,
        )
        .toEqual(old.rows);
    }
  });

  it('every round gets the kind of its year in its plan: mid-term at M, final at Y, annual otherwise', async () => {
    const rounds = await db()
      .select({
        year: evaluationRounds.year,
        kind: evaluationRounds.kind,
        baselineYear: plans.baselineYear,
        midtermYear: plans.midtermYear,
        targetYear: plans.targetYear,
      })
      .from(evaluationRounds)
      .innerJoin(plans, eq(plans.id, evaluationRounds.planId));
    expect(rounds.length).toBe(before.get('evaluation_rounds')?.rows.length);
    for (const r of rounds) expect(r.kind, `round at ${r.year}`).toBe(roundKind(r, r.year));
    // The fixture has a round of each kind, so each branch of the backfill is exercised.
    expect(new Set(rounds.map((r) => r.kind))).toEqual(new Set(['midterm', 'final', 'annual']));
  });

  it('reads every plan and indicator through loadPlanById as stored', async () => {
    const rows = await db().select().from(plans).orderBy(asc(plans.id));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const plan of rows) {
      const loaded = await loadPlanById(db(), plan.id);
      const [district] = await db()
        .select()
        .from(districts)
        .where(eq(districts.id, plan.districtId));
      const stored = await db()
        .select()
        .from(indicators)
        .where(eq(indicators.planId, plan.id))
        .orderBy(asc(indicators.seq));
      expect(loaded?.file.district).toEqual({
        code: district!.id,
        name: district!.name,
        city: district!.city,
        province: district!.province,
      });
      expect(loaded?.file.plan).toMatchObject({
        title: plan.title,
        baselineYear: plan.baselineYear,
        midtermYear: plan.midtermYear,
        targetYear: plan.targetYear,
        settings: plan.settings,
      });
      expect(loaded?.file.indicators).toMatchObject(
        stored.map((i) => ({
          seq: i.seq,
          name: i.name,
          unit: i.unit,
          attribute: i.attribute,
          leadDepartment: i.leadDepartment,
          raw: i.raw,
          target: i.target,
          revisions: i.targetRevisions,
          source: i.source,
        })),
      );
      expect(loaded?.indicatorIds).toEqual(new Map(stored.map((i) => [i.seq, i.id])));
    }
    const revised = await db().select().from(indicators);
    expect(revised.some((i) => i.targetRevisions.length > 0)).toBe(true);
  });

  it('reads every figure (value, state, version, demo flag) and its history through the value queries', async () => {
    const stored = await db()
      .select({
        value: yearlyValues,
        seq: indicators.seq,
        planId: indicators.planId,
        code: plans.districtId,
      })
      .from(yearlyValues)
      .innerJoin(indicators, eq(indicators.id, yearlyValues.indicatorId))
      .innerJoin(plans, eq(plans.id, indicators.planId));
    expect(new Set(stored.map((s) => s.value.state))).toEqual(
      new Set(['draft', 'submitted', 'approved', 'returned']),
    );
    expect(new Set(stored.map((s) => s.value.demo))).toEqual(new Set([true, false]));
    for (const { value: v, seq, planId, code } of stored) {
      const { values } = (await loadValues(db(), { code, planId }))!;
      const read = values.find((x) => x.id === v.id);
      expect(read, `value ${v.id}`).toMatchObject({
        seq,
        year: v.year,
        kind: v.kind,
        value: v.value,
        comparator: v.comparator,
        state: v.state,
        note: v.note,
        source: v.source,
        reviewComment: v.reviewComment,
        version: v.version,
        updatedBy: v.updatedBy,
        updatedAt: v.updatedAt.toISOString(),
        demo: v.demo,
      });
      const rows = await db()
        .select()
        .from(valueHistory)
        .where(eq(valueHistory.valueId, v.id))
        .orderBy(asc(valueHistory.version), asc(valueHistory.id));
      expect(rows.length, `history of value ${v.id}`).toBeGreaterThan(0);
      const history = await loadHistory(db(), code, v.id);
      expect([...(history?.entries ?? [])].reverse()).toEqual(
        rows.map((h) => ({
          version: h.version,
          oldValue: h.oldValue,
          newValue: h.newValue,
          oldState: h.oldState,
          newState: h.newState,
          oldComparator: h.oldComparator,
          newComparator: h.newComparator,
          reason: h.reason,
          changedBy: h.changedBy,
          changedAt: h.changedAt.toISOString(),
        })),
      );
      const record = await loadIndicatorRecord(db(), planId, seq);
      expect(
        record.values.map((x) => [x.year, x.kind, x.value, x.state, x.version]),
      ).toContainEqual([v.year, v.kind, v.value, v.state, v.version]);
    }
  });

  it('reads every deletion record with the history it kept', async () => {
    const stored = await db()
      .select({
        deletion: valueDeletions,
        seq: indicators.seq,
        planId: indicators.planId,
        code: plans.districtId,
      })
      .from(valueDeletions)
      .innerJoin(indicators, eq(indicators.id, valueDeletions.indicatorId))
      .innerJoin(plans, eq(plans.id, indicators.planId));
    expect(stored.length).toBeGreaterThan(0);
    for (const { deletion: d, seq, planId, code } of stored) {
      const read = await loadDeletions(db(), { code, planId });
      expect(read).toContainEqual({
        id: d.id,
        seq,
        year: d.year,
        kind: d.kind,
        value: d.value,
        comparator: d.comparator,
        state: d.state,
        note: d.note,
        source: d.source,
        version: d.version,
        history: d.history,
        reason: d.reason,
        deletedBy: d.deletedBy,
        deletedAt: d.deletedAt.toISOString(),
      });
      expect(d.history.length).toBeGreaterThan(0);
    }
  });

  it('reads every round through listRounds and loadRound: status, kind, reviews, and the frozen snapshot', async () => {
    const stored = await db()
      .select({ round: evaluationRounds, code: plans.districtId })
      .from(evaluationRounds)
      .innerJoin(plans, eq(plans.id, evaluationRounds.planId))
      .orderBy(asc(evaluationRounds.id));
    expect(new Set(stored.map((s) => s.round.status))).toEqual(new Set(['open', 'finalized']));
    for (const { round: r, code } of stored) {
      const items = await db()
        .select()
        .from(evaluationItems)
        .where(eq(evaluationItems.roundId, r.id))
        .orderBy(asc(evaluationItems.seq));
      const listed = (await listRounds(db(), code)).find((x) => x.id === r.id);
      const meta = {
        id: r.id,
        planId: r.planId,
        year: r.year,
        kind: r.kind,
        status: r.status,
        openedBy: r.openedBy,
        openedAt: r.openedAt,
        finalizedBy: r.finalizedBy,
        finalizedAt: r.finalizedAt,
        reviews: items.length,
      };
      expect(listed, `round ${r.id}`).toEqual(meta);
      const record = await loadRound(db(), code, r.id);
      expect(record.round).toEqual(meta);
      expect(record.reviews).toEqual(
        items.map((i) => ({
          seq: i.seq,
          decision: i.decision,
          computedStatus: i.computedStatus,
          finalStatus: i.finalStatus,
          reason: i.reason,
          comment: i.comment,
          reviewedBy: i.reviewedBy,
          reviewedAt: i.reviewedAt.toISOString(),
        })),
      );
      expect(record.narrative, `narrative of round ${r.id}`).toBeNull();
      if (r.status === 'open') {
        expect(record.snapshot).toBeNull();
        expect(record.input?.planId).toBe(r.planId);
        continue;
      }
      expect(record.snapshot).toEqual(r.snapshot);
      const frozen = readSnapshot(record.snapshot as EvaluationSnapshot);
      expect(frozen.result.year).toBe(r.year);
      expect(
        frozen.result.indicators
          .filter((i) => i.review)
          .map((i) => [i.computed.seq, i.final.status]),
      ).toEqual(items.map((i) => [i.seq, i.finalStatus]));
    }
  });

  it('reads every user with their districts, live sessions as signed in, and the sign-in records', async () => {
    const stored = await db().select().from(users).orderBy(asc(users.username));
    const scopes = await db().select().from(userDistricts);
    expect(stored.some((u) => u.disabled)).toBe(true);
    expect(await listUsers(db())).toEqual(
      stored.map((u) => {
        const districts = u.allDistricts
          ? 'all'
          : scopes
              .filter((s) => s.userId === u.id)
              .map((s) => s.districtId)
              .sort();
        // The previous release had no regions: each user sees the districts listed, as before.
        return {
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          unit: null,
          role: u.role,
          disabled: u.disabled,
          createdAt: u.createdAt,
          districts,
          listed: districts,
          regions: [],
          regionNames: {},
        };
      }),
    );
    const live = await db().select().from(sessions);
    expect(live.length).toBeGreaterThan(0);
    for (const s of live) {
      const seen = new Date(s.lastSeenAt.getTime() + 1000);
      const owner = stored.find((u) => u.id === s.userId);
      const user = await findSessionUser(db(), s.tokenHash, seen);
      expect(user?.id ?? null, `session of user ${s.userId}`).toBe(
        owner?.disabled ? null : s.userId,
      );
      expect(await findSessionUser(db(), s.tokenHash, s.expiresAt)).toBeNull();
    }
    const events = await db().select().from(authEvents).orderBy(asc(authEvents.id));
    expect([...(await listAuthEvents(db(), events.length + 1))].reverse()).toEqual(events);
  });

  // Last: it writes. Sequences must go on from the old rows, and new rounds get their kind.
  it('takes new work: a round opened at the target year is final, a new figure has its history', async () => {
    const rounds = await db().select().from(evaluationRounds);
    const plan = (await db().select().from(plans)).find(
      (p) =>
        !rounds.some((r) => r.planId === p.id && r.year === p.targetYear && r.status === 'open'),
    );
    if (!plan) throw new Error('the fixture has no plan without an open round at its target year');
    const opened = await openRound(db(), plan.districtId, plan.id, plan.targetYear, 'upgrade-test');
    expect(opened.kind).toBe('final');
    expect(opened.id).toBeGreaterThan(Math.max(...rounds.map((r) => r.id)));

    const { values } = (await loadValues(db(), { code: plan.districtId, planId: plan.id }))!;
    const last = values.filter((v) => v.kind === 'actual').at(-1);
    if (!last) throw new Error('the fixture has no actual figure in that plan');
    const year = plan.targetYear;
    const free = !values.some((v) => v.seq === last.seq && v.year === year && v.kind === 'actual');
    expect(free, `no ${year} figure of indicator ${last.seq} yet`).toBe(true);
    const change = {
      seq: last.seq,
      year,
      kind: 'actual' as const,
      value: last.value,
      version: null,
    };
    const [saved] = (await saveValues(
      db(),
      { code: plan.districtId, planId: plan.id },
      [change],
      'upgrade-test',
    ))!;
    const ids = await db().select({ id: yearlyValues.id }).from(yearlyValues);
    expect(saved!.id).toBe(Math.max(...ids.map((r) => r.id)));
    expect((await loadHistory(db(), plan.districtId, saved!.id))?.entries).toHaveLength(1);
  });
});
