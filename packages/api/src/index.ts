export { appRouter, createCaller, type AppRouter } from './root';
export type { Context, Logger, SessionCookie } from './context';
export { DomainError, errorIdOf, ERROR_TABLE, toDomainError, type ErrorCode } from './errors';
export type { InputIssue } from './trpc';
export { createRequestContext } from './http-context';
export { hashPassword, randomPassword, verifyPassword } from './auth/password';
export { SESSION_COOKIE } from './auth/session';
export { newUserSchema, usernameSchema } from './routers/users';
export * from './values';
