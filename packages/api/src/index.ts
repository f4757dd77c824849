export { appRouter, createCaller, type AppRouter } from './root';
export type { Context, Logger, SessionCookie } from './context';
export { DomainError, errorIdOf, ERROR_TABLE, toDomainError, type ErrorCode } from './errors';
export type { InputIssue } from './trpc';
export { createRequestContext } from './http-context';
export { proxyTrust, type ProxyTrust } from './client-address';
export { hashPassword, randomPassword, verifyPassword } from './auth/password';
export { SESSION_COOKIE } from './auth/session';
export {
  newUserSchema,
  scopeProblem,
  userProfileSchema,
  usernameSchema,
  userScopeSchema,
} from './routers/users';
export * from './values';
export { refreshSummaries } from '@pm/db';
