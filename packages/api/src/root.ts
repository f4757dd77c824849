import { createCallerFactory, router } from './trpc';
import { authRouter } from './routers/auth';
import { districtsRouter } from './routers/districts';
import { usersRouter } from './routers/users';
import { plansRouter } from './routers/plans';

export const appRouter = router({
  auth: authRouter,
  districts: districtsRouter,
  users: usersRouter,
  plans: plansRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
