import { createCallerFactory, mergeRouters, router } from './trpc';
import { authRouter } from './routers/auth';
import { districtsRouter } from './routers/districts';
import { usersRouter } from './routers/users';
import { plansRouter } from './routers/plans';
import { revisionsRouter } from './routers/revisions';
import { departmentsRouter } from './routers/departments';
import { scorecardRouter } from './routers/scorecard';
import { evaluationsRouter } from './routers/evaluations';
import { valuesRouter } from './routers/values';
import { carryOverRouter } from './routers/carry-over';
import { homeRouter } from './routers/home';

export const appRouter = router({
  auth: authRouter,
  districts: districtsRouter,
  users: usersRouter,
  // plans.reviseTarget and plans.events (动态调整) live in routers/revisions.ts,
  // plans.setLeadDepartment (牵头单位) in routers/departments.ts.
  plans: mergeRouters(plansRouter, revisionsRouter, departmentsRouter),
  scorecard: scorecardRouter,
  evaluations: evaluationsRouter,
  values: valuesRouter,
  carryOver: carryOverRouter,
  home: homeRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
