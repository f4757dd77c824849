import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  json,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import type {
  AssessmentSettings,
  Comparator,
  RawCells,
  Source,
  Target,
  TargetRevision,
} from '@pm/core';

export const attributeEnum = pgEnum('attribute', ['expected', 'binding']);
export const valueKindEnum = pgEnum('value_kind', ['actual', 'assigned_target']);
export const valueStateEnum = pgEnum('value_state', ['draft', 'submitted', 'approved', 'returned']);

/** A district, keyed by its 6-digit administrative division code (行政区划代码). */
export const districts = pgTable(
  'districts',
  {
    id: varchar('id', { length: 6 }).primaryKey(),
    name: text('name').notNull(),
    city: text('city').notNull(),
    province: text('province').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('districts_id_is_code', sql`${t.id} ~ '^[0-9]{6}$'`)],
);

export const plans = pgTable(
  'plans',
  {
    id: serial('id').primaryKey(),
    districtId: varchar('district_id', { length: 6 })
      .notNull()
      .references(() => districts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    baselineYear: integer('baseline_year').notNull(),
    midtermYear: integer('midterm_year').notNull(),
    targetYear: integer('target_year').notNull(),
    settings: jsonb('settings').$type<AssessmentSettings>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plans_district_period').on(t.districtId, t.baselineYear, t.targetYear),
    check(
      'plans_years_ordered',
      sql`${t.baselineYear} < ${t.midtermYear} and ${t.midtermYear} < ${t.targetYear}`,
    ),
  ],
);

export const indicators = pgTable(
  'indicators',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    category: text('category').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    attribute: attributeEnum('attribute').notNull(),
    leadDepartment: text('lead_department'),
    /** The plan's own cell texts, verbatim. */
    raw: jsonb('raw').$type<RawCells>().notNull(),
    /** The parsed target form (spec §2). */
    target: jsonb('target').$type<Target>().notNull(),
    /** 动态调整: revisions of the target, oldest first; the original `target` is never overwritten. */
    targetRevisions: jsonb('target_revisions')
      .$type<TargetRevision[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    form: text('form').notNull(),
    source: jsonb('source').$type<Source>().notNull(),
  },
  (t) => [uniqueIndex('indicators_plan_seq').on(t.planId, t.seq)],
);

/** One yearly figure: an actual (实际值) or a city-assigned target (市下达目标). */
export const yearlyValues = pgTable(
  'yearly_values',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    kind: valueKindEnum('kind').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    /** How the actual must compare with an assigned target. */
    comparator: text('comparator').$type<Comparator>(),
    state: valueStateEnum('state').notNull().default('draft'),
    note: text('note'),
    source: text('source'),
    /** The reviewer's comment when returning the value, or the reason it was reopened. */
    reviewComment: text('review_comment'),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** An illustrative figure stored by `demo seed`; no API or import can set it, so `demo clear` removes only these. */
    demo: boolean('demo').notNull().default(false),
  },
  (t) => [
    uniqueIndex('yearly_values_indicator_year_kind').on(t.indicatorId, t.year, t.kind),
    index('yearly_values_state').on(t.state),
  ],
);

/**
 * How often each plan's approved values have changed: bumped, in the same transaction, by the
 * statement triggers on yearly_values that migration 0002 creates, whatever code path writes them.
 * With the plan row's version it keys summaries cached over many districts (the league table).
 */
export const planRevisions = pgTable('plan_revisions', {
  planId: integer('plan_id')
    .primaryKey()
    .references(() => plans.id, { onDelete: 'cascade' }),
  revision: bigint('revision', { mode: 'number' }).notNull().default(0),
});

/**
 * Each plan's league summary per evaluation year (core's `leagueSummary`), stored in the
 * transactions that change the plan or its approved values, so that a league of thousands of
 * districts reads them instead of assessing every plan after a restart or a bulk import. A row is
 * current while its `version` is the plan's and its `format` today's (`LEAGUE_SUMMARY_FORMAT`);
 * otherwise (a write by psql, an older release) the league computes it and stores it again.
 */
export const leagueSummaries = pgTable(
  'league_summaries',
  {
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    /** The plan's version it was computed at (`listPlanVersions`: the plan row's xmin and revision). */
    version: text('version').notNull(),
    format: text('format').notNull(),
    // json, not jsonb: kept as written and sent as it is, about half the time to read 3,000 back.
    summary: json('summary').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.year] })],
);

/** Append-only change history of yearly values. */
export const valueHistory = pgTable(
  'value_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    valueId: bigint('value_id', { mode: 'number' })
      .notNull()
      .references(() => yearlyValues.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    oldValue: numeric('old_value', { mode: 'number' }),
    newValue: numeric('new_value', { mode: 'number' }),
    oldState: valueStateEnum('old_state'),
    newState: valueStateEnum('new_state').notNull(),
    /** An assigned target's comparator before and after (null: the plan's). */
    oldComparator: text('old_comparator').$type<Comparator>(),
    newComparator: text('new_comparator').$type<Comparator>(),
    reason: text('reason'),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('value_history_value').on(t.valueId, t.version)],
);

/** One row of a value's history, as kept when the value is removed. */
export interface RemovedHistoryRow {
  version: number;
  oldValue: number | null;
  newValue: number | null;
  oldState: string | null;
  newState: string;
  reason: string | null;
  changedBy: string;
  changedAt: string;
}

/** A removed figure (a draft withdrawn), with its history: the audit outlives the value. */
export const valueDeletions = pgTable(
  'value_deletions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    kind: valueKindEnum('kind').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    comparator: text('comparator').$type<Comparator>(),
    state: valueStateEnum('state').notNull(),
    note: text('note'),
    source: text('source'),
    version: integer('version').notNull(),
    /** The removed value's history rows, oldest first. */
    history: jsonb('history').$type<RemovedHistoryRow[]>().notNull(),
    reason: text('reason'),
    deletedBy: text('deleted_by').notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('value_deletions_indicator').on(t.indicatorId, t.year)],
);

/** 填报人员 official · 评估人员 reviewer · 领导 leader · 管理员 admin. */
export const roleEnum = pgEnum('role', ['official', 'reviewer', 'leader', 'admin']);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** 单位: the organisation a reviewer signs a report for (区发展和改革局); null when not given. */
  unit: text('unit'),
  /** scrypt: `scrypt$N$r$p$salt$hash`, base64url parts. */
  passwordHash: text('password_hash').notNull(),
  role: roleEnum('role').notNull(),
  /** A leader or admin may see every district; others see their listed districts. */
  allDistricts: boolean('all_districts').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true })
    .notNull()
    .defaultNow(),
});

export const userDistricts = pgTable(
  'user_districts',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    districtId: varchar('district_id', { length: 6 })
      .notNull()
      .references(() => districts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.districtId] })],
);

/**
 * A user's scope by region: every district of a province (its code's first 2 digits) or of a city
 * (first 4), those added later included. Beside the districts listed in user_districts.
 */
export const userRegions = pgTable(
  'user_regions',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    code: varchar('code', { length: 4 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.code] }),
    check('user_regions_code', sql`${t.code} ~ '^[0-9]{2}([0-9]{2})?$'`),
  ],
);

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Last request seen (updated at most once a minute): a session idle too long ends. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user').on(t.userId), index('sessions_expires').on(t.expiresAt)],
);

export const authEventKindEnum = pgEnum('auth_event_kind', [
  'sign_in',
  'sign_in_failed',
  'sign_in_locked',
  'password_changed',
  'sign_out',
  'forbidden',
]);

/** Append-only record of sign-ins, failures and refusals; also what failed-sign-in limits count. */
export const authEvents = pgTable(
  'auth_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: authEventKindEnum('kind').notNull(),
    username: text('username'),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    address: text('address'),
    detail: text('detail'),
  },
  (t) => [
    index('auth_events_username_at').on(t.username, t.at),
    index('auth_events_address_at').on(t.address, t.at),
    index('auth_events_at').on(t.at),
  ],
);

/**
 * Sign-in throttling (docs/security.md): failed attempts counted per key (`user:…`, `addr:…`,
 * `pair:…`) and the earliest time the next attempt of that key may be checked. An attempt is
 * reserved here, in one statement, before its password is checked.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  nextAt: timestamp('next_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const roundStatusEnum = pgEnum('round_status', ['open', 'finalized']);
/** 中期评估 at E = M, 总结评估 at E = Y, 年度评估 otherwise (spec §5). */
export const roundKindEnum = pgEnum('round_kind', ['midterm', 'final', 'annual']);

/**
 * An evaluation round (评估轮次) of one plan at one evaluation year: reviewers confirm or override
 * each computed status; finalizing freezes `snapshot` (values, statuses computed and final,
 * reasons, who, when), which later data changes never alter.
 */
export const evaluationRounds = pgTable(
  'evaluation_rounds',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    /** Fixed when the round is opened, from the plan's years. */
    kind: roundKindEnum('kind').notNull(),
    status: roundStatusEnum('status').notNull().default('open'),
    openedBy: text('opened_by').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    finalizedBy: text('finalized_by'),
    finalizedAt: timestamp('finalized_at', { withTimezone: true }),
    snapshot: jsonb('snapshot'),
    /**
     * The report's narrative (主要成效, 存在问题, 原因分析, 下一步举措) as a reviewer saved it; null
     * while the generated first drafts stand. Frozen into the snapshot at finalizing.
     */
    narrative: jsonb('narrative'),
    narrativeBy: text('narrative_by'),
    narrativeAt: timestamp('narrative_at', { withTimezone: true }),
  },
  (t) => [
    index('evaluation_rounds_plan_year').on(t.planId, t.year),
    uniqueIndex('evaluation_rounds_one_open')
      .on(t.planId, t.year)
      .where(sql`${t.status} = 'open'`),
  ],
);

export const reviewDecisionEnum = pgEnum('review_decision', ['confirmed', 'overridden']);

/** A reviewer's decision on one indicator of a round; an override keeps the computed status too. */
export const evaluationItems = pgTable(
  'evaluation_items',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    decision: reviewDecisionEnum('decision').notNull(),
    computedStatus: text('computed_status').notNull(),
    finalStatus: text('final_status').notNull(),
    /** Required for an override. */
    reason: text('reason'),
    comment: text('comment'),
    reviewedBy: text('reviewed_by').notNull(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_items_round_seq').on(t.roundId, t.seq)],
);

export const planEventKindEnum = pgEnum('plan_event_kind', [
  'imported',
  'target_revised',
  'baseline_carried_over',
  'lead_department_set',
]);

/**
 * Append-only audit of what administrators did to a plan: imports, target revisions (动态调整),
 * baselines carried over from the previous plan. `detail` holds what changed, as it was.
 */
export const planEvents = pgTable(
  'plan_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** The indicator concerned, when one is. */
    seq: integer('seq'),
    kind: planEventKindEnum('kind').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    by: text('by').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_events_plan_at').on(t.planId, t.at)],
);
