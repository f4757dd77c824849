import { z } from 'zod';
import { defaultYear, periodKey, periodLabel, periodName, requiredCells } from '@pm/core';
import {
  listDistricts,
  listOpenFigures,
  listOpenRounds,
  loadPlanInputs,
  type OpenFigure,
  type OpenRound,
  type PlanInput,
  type Role,
} from '@pm/db';
import { checkPlanYear, periodSchema, scopePeriod } from '../plan-choice';
import { ALL_ROLES, roleProcedure, router } from '../trpc';
import { districtTasks, warningsOf, type DistrictTasks, type HomeWarning } from '../views/home';
import { evaluationYearSchema } from './scorecard';

/** What each role's home lists: officials fill in, reviewers review, leaders and admins read warnings. */
const SHOWS: Record<
  Role,
  { figures: OpenFigure['state'][]; missing: boolean; rounds: boolean; warnings: boolean }
> = {
  official: { figures: ['returned', 'draft'], missing: true, rounds: false, warnings: false },
  reviewer: { figures: ['submitted'], missing: false, rounds: true, warnings: false },
  leader: { figures: [], missing: false, rounds: false, warnings: true },
  admin: { figures: ['submitted'], missing: false, rounds: true, warnings: true },
};

export const homeRouter = router({
  /**
   * The signed-in user's tasks in the districts of their scope, within one period (that asked
   * for; else that of the year asked for, else the reporting year's, as the league chooses) at one
   * year (default: the reporting year held within the period, as the entry page opens):
   * an official's returned figures, drafts and missing required figures; a reviewer's figures
   * awaiting review and open rounds; a leader's binding warnings, worst first; an administrator's
   * figures awaiting review, open rounds and binding warnings without a 牵头单位.
   */
  tasks: roleProcedure(ALL_ROLES)
    .input(
      z
        .object({ period: periodSchema.optional(), year: evaluationYearSchema.optional() })
        .default({}),
    )
    .query(async ({ ctx, input }) => {
      const scope = ctx.user.districts;
      const role = ctx.user.role;
      const { chosen, reportingYear } = await scopePeriod(ctx, input);
      const year = chosen ? (input.year ?? defaultYear(chosen, reportingYear)) : null;
      if (chosen && year !== null)
        checkPlanYear({ ...chosen, label: periodLabel(chosen) }, year, 'entry');
      const shows = SHOWS[role];
      const [districts, inputs, figures, rounds] = chosen
        ? await Promise.all([
            listDistricts(ctx.db, scope, chosen),
            shows.missing || shows.warnings
              ? loadPlanInputs(ctx.db, scope, year!, { period: chosen, lean: true })
              : Promise.resolve([] as PlanInput[]),
            // Missing figures are those with no stored figure in any state.
            listOpenFigures(ctx.db, scope, chosen, shows.missing ? undefined : shows.figures),
            shows.rounds
              ? listOpenRounds(ctx.db, scope, chosen)
              : Promise.resolve([] as OpenRound[]),
          ])
        : [await listDistricts(ctx.db, scope), [], [], []];
      const byCode = new Map(inputs.map((i) => [i.file.district.code, i]));
      const tasks: DistrictTasks[] = [];
      let warnings: HomeWarning[] = [];
      for (const d of districts) {
        const plan = byCode.get(d.code);
        const own = figures.filter((f) => f.district === d.code);
        const missing =
          shows.missing && plan && year !== null
            ? missingOf(plan, own, year)
            : { total: 0, cells: [] };
        const t = districtTasks(
          d,
          own.filter((f) => shows.figures.includes(f.state)),
          rounds.filter((r) => r.district === d.code),
          missing,
        );
        if (t.count > 0) tasks.push(t);
        if (shows.warnings && plan && year !== null) warnings.push(...warningsOf(d, plan, year));
      }
      if (role === 'admin') warnings = warnings.filter((w) => w.leadDepartment === null);
      return {
        role,
        reportingYear,
        year,
        period: chosen
          ? { period: periodKey(chosen), name: periodName(chosen), label: periodLabel(chosen) }
          : null,
        /** The user's only district, for a link to its scorecard; null with several. */
        only:
          districts.length === 1 ? { code: districts[0]!.code, name: districts[0]!.name } : null,
        scope: districts.length,
        districts: tasks,
        warnings: warnings.sort(worstFirst),
      };
    }),
});

/** The year's required figures not stored at all (core's `requiredCells`, as the entry page counts). */
function missingOf(plan: PlanInput, open: readonly OpenFigure[], year: number) {
  const stored = new Set(
    [...plan.values, ...open].filter((v) => v.year === year).map((v) => `${v.seq}:${v.kind}`),
  );
  const names = new Map(plan.file.indicators.map((i) => [i.seq, i.name]));
  const required = requiredCells(plan.file, year);
  const cells = required
    .filter((c) => !stored.has(`${c.seq}:${c.kind}`))
    .map((c) => ({ seq: c.seq, name: names.get(c.seq) ?? '', kind: c.kind }));
  return { total: required.length, cells };
}

/** Not achieved, then seriously lagging, lagging, and without data: the worst first. */
const SEVERITY = ['not_achieved', 'seriously_lagging', 'lagging', 'no_data'];
const severity = (w: HomeWarning) => {
  const i = SEVERITY.indexOf(w.status);
  return i < 0 ? SEVERITY.length : i;
};
const worstFirst = (a: HomeWarning, b: HomeWarning) =>
  severity(a) - severity(b) || a.district.localeCompare(b.district) || a.seq - b.seq;
