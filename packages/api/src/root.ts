import { createCallerFactory, router } from './trpc';
import { authRouter } from './routers/auth';
import { districtsRouter } from './routers/districts';
import { usersRouter } from './routers/users';
import { plansRouter } from './routers/plans';
import { scorecardRouter } from './routers/scorecard';
import { evaluationsRouter } from './routers/evaluations';
import { valuesRouter } from './routers/values';
import { carryOverRouter } from './routers/carry-over';

export const appRouter = router({
  auth: authRouter,
  districts: districtsRouter,
  users: usersRouter,
  plans: plansRouter,
  scorecard: scorecardRouter,
  evaluations: evaluationsRouter,
  values: valuesRouter,
  carryOver: carryOverRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
