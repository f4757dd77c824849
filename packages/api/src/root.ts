import { createCallerFactory, router } from './trpc';
import { districtsRouter } from './routers/districts';

export const appRouter = router({
  districts: districtsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
