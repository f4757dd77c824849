export { appRouter, createCaller, type AppRouter } from './root';
export type { Context, Logger } from './context';
export { DomainError } from './errors';
export type { InputIssue } from './trpc';
