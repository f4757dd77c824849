import type { AssessmentReason, Phase, RoundKind, Status, ValueKind } from '@pm/core';
import type { OpenFigure, OpenRound, PlanInput } from '@pm/db';
import { assessInput } from './scorecard';

/** One figure on a home's list, with the year its entry grid opens at. */
export interface TaskFigure {
  id: number;
  seq: number;
  name: string;
  year: number;
  kind: ValueKind;
  /** The reviewer's reason for returning it. */
  reason: string | null;
  /** Who wrote it last, by display name. */
  by: string;
  /** ISO 8601 */
  at: string;
}

/** A required figure of the year with nothing stored (未填报). */
export interface MissingCell {
  seq: number;
  name: string;
  kind: ValueKind;
}

/** What one district asks of the user. */
export interface DistrictTasks {
  code: string;
  name: string;
  /** 已退回: to correct and submit again (official). */
  returned: TaskFigure[];
  /** 草稿: saved, not yet submitted (official). */
  drafts: TaskFigure[];
  /** 未填报: the year's required figures (`total`) of which nothing is stored (official). */
  missing: { total: number; cells: MissingCell[] };
  /** 待审核 (reviewer, admin). */
  submitted: TaskFigure[];
  /** 进行中的评估 (reviewer, admin). */
  rounds: { id: number; year: number; kind: RoundKind; openedBy: string }[];
  /** How many things are listed. */
  count: number;
}

/** 约束性指标预警 on a home: one binding indicator of one district, graded by the scorecard. */
export interface HomeWarning {
  district: string;
  districtName: string;
  seq: number;
  name: string;
  unit: string;
  status: Status;
  phase: Phase;
  reason: AssessmentReason;
  leadDepartment: string | null;
  latestValue: number | null;
  latestYear: number | null;
}

const taskFigure = (f: OpenFigure): TaskFigure => ({
  id: f.id,
  seq: f.seq,
  name: f.name,
  year: f.year,
  kind: f.kind,
  reason: f.reviewComment,
  by: f.updatedByName,
  at: new Date(f.updatedAt).toISOString(),
});

export function districtTasks(
  district: { code: string; name: string },
  figures: readonly OpenFigure[],
  rounds: readonly OpenRound[],
  missing: DistrictTasks['missing'],
): DistrictTasks {
  const of = (state: OpenFigure['state']) =>
    figures.filter((f) => f.state === state).map(taskFigure);
  const t = {
    code: district.code,
    name: district.name,
    returned: of('returned'),
    drafts: of('draft'),
    missing,
    submitted: of('submitted'),
    rounds: rounds.map((r) => ({ id: r.id, year: r.year, kind: r.kind, openedBy: r.openedBy })),
  };
  const count =
    t.returned.length +
    t.drafts.length +
    t.missing.cells.length +
    t.submitted.length +
    t.rounds.length;
  return { ...t, count };
}

/** The scorecard's binding warnings of one district. */
export function warningsOf(
  district: { code: string; name: string },
  plan: Pick<PlanInput, 'file' | 'values'>,
  year: number,
): HomeWarning[] {
  // The engine's assessment alone: the scorecard's other columns are not shown here.
  const bySeq = new Map(plan.file.indicators.map((i) => [i.seq, i]));
  return assessInput(plan, year)
    .indicators.filter((a) => a.bindingWarning)
    .map((a) => {
      const indicator = bySeq.get(a.seq)!;
      return {
        district: district.code,
        districtName: district.name,
        seq: a.seq,
        name: a.name,
        unit: indicator.unit,
        status: a.status,
        phase: a.phase,
        reason: a.reason,
        leadDepartment: indicator.leadDepartment,
        latestValue: a.latestValue,
        latestYear: a.latestYear,
      };
    });
}
