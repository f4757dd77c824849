export { createDb, type Database, type DbHandle, type DbOptions, type Schema } from './client';
export { DbOpenError } from './errors';
export { migrate, migrationsFolder } from './migrate';
export * as schema from './schema';
export * from './queries/districts';
export * from './queries/health';
