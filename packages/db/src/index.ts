export {
  createDb,
  queryRows,
  type Database,
  type DbHandle,
  type DbOptions,
  type Schema,
} from './client';
export { DbOpenError } from './errors';
export { migrate, migrationsFolder } from './migrate';
export * as schema from './schema';
export * from './queries/districts';
export * from './queries/health';
export * from './queries/plans';
export * from './queries/assessment';
export * from './queries/scorecard';
export * from './queries/evaluations';
export * from './queries/periods';
export { demoScenario, demoValues, type DemoScenario } from './demo/generate';
export { clearDemoValues, insertDemoValues, seedDemoValues } from './demo/store';
export { builtInPlans, seedBuiltIn, type SeedResult } from './seed/builtin';
export * from './queries/users';
export * from './queries/sign-in-throttle';
export * from './queries/auth-records';
export * from './queries/values';
export * from './queries/revisions';
export * from './queries/carry-over';
export * from './queries/departments';
export * from './queries/tasks';
export * from './queries/summaries';
