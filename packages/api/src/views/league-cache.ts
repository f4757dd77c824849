import type { PeriodSpan } from '@pm/core';
import {
  listPlanVersions,
  loadPlanInputsById,
  loadSummaries,
  storeSummaries,
  type Database,
  type StoredSummary,
} from '@pm/db';
import type { Logger } from '../context';
import { assembleLeague, planRow, type League, type PlanRow } from './league';

/** Years kept per plan: a plan period's five years and the mid-term default, with room to spare. */
const YEARS_PER_PLAN = 8;
/** Whole leagues kept (scopes × periods × years asked for lately), each a few MB at most. */
const ASSEMBLED_KEPT = 16;

export interface LeagueCacheOptions {
  /**
   * Store the summaries computed here for the next server (false on a read replica, which takes
   * no writes: there the primary's transactions keep them).
   */
  persist?: boolean;
  /** Told when storing summaries failed (the league is served all the same). */
  logger?: Pick<Logger, 'warn'>;
}

interface CachedPlan {
  /** The plan's version (`listPlanVersions`) the rows were computed at, or after. */
  version: string;
  /** By evaluation year ('mid': the plan's mid-term year); a promise while being computed. */
  rows: Map<string, Promise<PlanRow | null>>;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A failure reaches every request waiting on it; none waiting must not crash the process.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/**
 * The league table from per-plan rows kept in memory and reused while the plan's version is the
 * same. Every call first reads the versions of the plans in scope (one query of one row per
 * district), then computes only the plans whose version changed since: a league after one
 * district's approval assesses one plan, not all. The versions come from the database, so
 * several servers never serve each other's stale rows; a cache is only ever a saving.
 *
 * Below the memory, the database: each plan's summaries are stored (`league_summaries`) by the
 * transactions that change the plan or its approved figures, so a fresh server, or one after a
 * bulk import, reads them instead of assessing every plan. A plan whose stored summary is missing
 * or stale (changed by psql, or by an older release) is assessed here and stored again.
 *
 * Requests arriving together share the computation of a plan instead of each assessing it.
 */
export class LeagueCache {
  private readonly plans = new Map<number, CachedPlan>();
  /**
   * The last league of each scope, period and year, with what it was made from (every district's
   * names, plan and version): the same again is answered with the same object, which the router
   * keeps its filtered and sorted views on.
   */
  private readonly assembled = new Map<string, { from: string; league: League }>();
  /** How many plan rows this cache has computed: for tests and benchmarks. */
  computed = 0;
  /** How many plan rows it read from the stored summaries. */
  loaded = 0;
  private storing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly options: LeagueCacheOptions = {},
  ) {}

  /** The districts in scope compared within one period (a district without its plan has no row). */
  async league(
    scope: readonly string[] | 'all',
    period: PeriodSpan | null,
    year: number | undefined,
  ): Promise<League> {
    const districts = await listPlanVersions(this.db, scope, period);
    const key = year === undefined ? 'mid' : String(year);
    const leagueKey = `${scope === 'all' ? 'all' : scope.join(',')}|${period ? `${period.baselineYear}-${period.targetYear}` : ''}|${key}`;
    const from = districts
      .map((d) => `${d.code}\t${d.name}\t${d.city}\t${d.province}\t${d.planId}\t${d.version}`)
      .join('\n');
    const last = this.assembled.get(leagueKey);
    if (last?.from === from) return last.league;
    const missing = new Map<number, Deferred<PlanRow | null>>();
    const versionOf = new Map<number, string>();
    const rows = districts.map((d) => {
      if (d.planId === null || d.version === null) return Promise.resolve(null);
      let plan = this.plans.get(d.planId);
      if (plan?.version !== d.version) {
        plan = { version: d.version, rows: new Map() };
        this.plans.set(d.planId, plan);
      }
      const cached = plan.rows.get(key);
      if (cached) return cached;
      const row = deferred<PlanRow | null>();
      if (plan.rows.size >= YEARS_PER_PLAN) plan.rows.delete(plan.rows.keys().next().value!);
      plan.rows.set(key, row.promise);
      missing.set(d.planId, row);
      versionOf.set(d.planId, d.version);
      return row.promise;
    });
    if (scope === 'all') {
      const present = new Set(districts.map((d) => d.planId));
      for (const id of this.plans.keys()) if (!present.has(id)) this.plans.delete(id);
    }
    if (missing.size > 0) await this.compute(missing, versionOf, key, year);
    const league = assembleLeague(districts, await Promise.all(rows));
    this.assembled.delete(leagueKey);
    if (this.assembled.size >= ASSEMBLED_KEPT)
      this.assembled.delete(this.assembled.keys().next().value!);
    this.assembled.set(leagueKey, { from, league });
    return league;
  }

  /** Forgets every row (for tests). */
  clear(): void {
    this.plans.clear();
    this.assembled.clear();
  }

  private async compute(
    missing: Map<number, Deferred<PlanRow | null>>,
    versionOf: ReadonlyMap<number, string>,
    key: string,
    year: number | undefined,
  ): Promise<void> {
    const computed: StoredSummary[] = [];
    try {
      const wanted = [...versionOf].map(([planId, version]) => ({ planId, version }));
      for (const [planId, summary] of await loadSummaries(this.db, wanted, year ?? null)) {
        missing.get(planId)?.resolve(summary);
        missing.delete(planId);
        this.loaded++;
      }
      if (missing.size === 0) return;
      const inputs = await loadPlanInputsById(this.db, [...missing.keys()], year, { lean: true });
      for (const input of inputs) {
        const row = planRow(input, year);
        missing.get(input.planId)?.resolve(row);
        missing.delete(input.planId);
        this.computed++;
        const version = versionOf.get(input.planId);
        if (version !== undefined && row.row.year !== null)
          computed.push({ planId: input.planId, year: row.row.year, version, summary: row });
      }
    } catch (error) {
      for (const [id, row] of missing) this.forget(id, key, row.promise);
      for (const row of missing.values()) row.reject(error);
      return;
    }
    // Plans deleted since their versions were read: shown without a plan, and not kept.
    for (const [id, row] of missing) {
      this.forget(id, key, row.promise);
      row.resolve(null);
    }
    // Stored after the answer, not before: the league does not wait on its own saving.
    if (computed.length > 0 && this.options.persist !== false)
      this.storing = Promise.all([this.storing, this.store(computed)]).then(() => {});
  }

  /** Resolves once what was computed so far is stored (or failed to be): for tests and shutdown. */
  stored(): Promise<void> {
    return this.storing;
  }

  /** Stores what was computed, for the next server; a failure costs only that saving. */
  private async store(summaries: StoredSummary[]): Promise<void> {
    try {
      await storeSummaries(this.db, summaries);
    } catch (error) {
      // A plan deleted meanwhile (its summary's plan is gone), or a read-only database.
      this.options.logger?.warn(
        { err: error, summaries: summaries.length },
        'league summaries not stored',
      );
    }
  }

  private forget(id: number, key: string, promise: Promise<PlanRow | null>) {
    const plan = this.plans.get(id);
    if (plan?.rows.get(key) === promise) plan.rows.delete(key);
  }
}

const caches = new WeakMap<Database, LeagueCache>();

/** The league cache of this database connection, made on first use. */
export function leagueCache(db: Database, options: LeagueCacheOptions = {}): LeagueCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new LeagueCache(db, options)));
  return cache;
}
