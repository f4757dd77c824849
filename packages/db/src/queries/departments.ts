import { and, eq, sql } from 'drizzle-orm';
import type { Indicator } from '@pm/core';
import type { Database } from '../client';
import { indicators, planEvents, plans } from '../schema';
import { RevisionError } from './revisions';
import { toIndicator } from './plans';
import { refreshSummaries } from './summaries';

/** `detail` of a `lead_department_set` event: the 牵头单位 before and after. */
export interface LeadDepartmentSetDetail {
  before: string | null;
  after: string;
}

/**
 * Names indicator `seq`'s 牵头单位 and records it in the plan's audit with the one it replaces, in
 * one transaction; naming the department it already has changes nothing and records nothing.
 * The plan row is rewritten, as by a revision, so that what is cached by its version (the lean
 * indicators the league reads) is read afresh.
 */
export async function setLeadDepartment(
  db: Database,
  planId: number,
  seq: number,
  department: string,
  by: string,
): Promise<{ indicator: Indicator; changed: boolean }> {
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .update(plans)
      .set({ title: sql`${plans.title}` })
      .where(eq(plans.id, planId))
      .returning({ id: plans.id });
    if (!plan) throw new RevisionError('no_plan', `there is no plan ${planId}`);
    // The plan's version moved with its row: its league summaries (whose content a 牵头单位
    // does not change) follow it.
    await refreshSummaries(tx as unknown as Database, [planId]);
    const [row] = await tx
      .select()
      .from(indicators)
      .where(and(eq(indicators.planId, planId), eq(indicators.seq, seq)))
      .for('update');
    if (!row) throw new RevisionError('unknown_seq', `the plan has no indicator ${seq}`, { seq });
    if (row.leadDepartment === department) return { indicator: toIndicator(row), changed: false };
    const detail: LeadDepartmentSetDetail = { before: row.leadDepartment, after: department };
    await tx.insert(planEvents).values({
      planId,
      seq,
      kind: 'lead_department_set',
      detail: { ...detail },
      by,
      at: sql`clock_timestamp()`,
    });
    const [updated] = await tx
      .update(indicators)
      .set({ leadDepartment: department })
      .where(eq(indicators.id, row.id))
      .returning();
    if (!updated) throw new Error('indicator update returned nothing');
    return { indicator: toIndicator(updated), changed: true };
  });
}
