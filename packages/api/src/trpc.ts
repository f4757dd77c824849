import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import { districtCodeSchema, findNul, formatPath } from '@pm/core';
import { recordAuthEvent, type Role, type SessionUser } from '@pm/db';
import type { Context } from './context';
import { DomainError, errorIdOf, toDomainError } from './errors';

/** One problem with the input: where (a dotted path) and what. */
export interface InputIssue {
  path: string;
  message: string;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const issues: InputIssue[] | null =
      cause instanceof ZodError
        ? cause.issues.map((i) => ({ path: formatPath(i.path), message: i.message }))
        : null;
    const domain = cause instanceof DomainError ? { key: cause.key, params: cause.params } : null;
    // An unexpected error's own message may hold SQL and its parameters: the client gets an id,
    // the server log the error (see `unexpectedError`).
    const errorId = error.code === 'INTERNAL_SERVER_ERROR' ? errorIdOf(cause ?? error) : null;
    return {
      ...shape,
      message: errorId
        ? `internal error ${errorId}: something went wrong on the server; the administrator can find this id in the server log`
        : issues
          ? issues.map((i) => `${i.path || 'input'}: ${i.message}`).join('; ')
          : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        issues,
        messageKey: domain?.key ?? (errorId ? 'error.internal' : null),
        params: domain?.params ?? (errorId ? { id: errorId } : null),
        errorId,
      },
    };
  },
});

/** Maps typed errors to tRPC codes through the one table (`toDomainError`). */
const errors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const domain = toDomainError(result.error.cause);
    if (domain)
      result.error = new TRPCError({ code: domain.code, message: domain.message, cause: domain });
  }
  return result;
});

/** A NUL character anywhere in the input is refused before any schema or query sees it. */
const noNul = t.middleware(async ({ getRawInput, next }) => {
  const at = findNul(await getRawInput());
  if (at !== null) {
    throw new DomainError(
      'BAD_REQUEST',
      'error.nulCharacter',
      `${at || 'input'}: contains a NUL character (\\u0000), which no text may hold`,
      { path: at || 'input' },
    );
  }
  return next();
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not: signing in, and who am I. */
export const publicProcedure = t.procedure.use(errors).use(noNul);

/** Any signed-in user. */
export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new DomainError('UNAUTHORIZED', 'error.UNAUTHORIZED', 'sign in first');
  return next({ ctx: { user: ctx.user } });
});

/** Whether `user` may see `district`. */
export function inScope(user: SessionUser, district: string): boolean {
  return user.districts === 'all' || user.districts.includes(district);
}

async function refuse(
  ctx: Context & { user: SessionUser },
  path: string,
  detail: string,
  key: string,
): Promise<never> {
  await recordAuthEvent(ctx.db, {
    kind: 'forbidden',
    username: ctx.user.username,
    userId: ctx.user.id,
    address: ctx.address,
    detail: `${path}: ${detail}`,
  });
  throw new DomainError(
    'FORBIDDEN',
    key,
    `${ctx.user.username} (${ctx.user.role}) may not ${path}: ${detail}`,
  );
}

/** A signed-in user with one of `roles`. */
export function roleProcedure(roles: readonly Role[]) {
  return signedInProcedure.use(async ({ ctx, next, path }) => {
    if (!roles.includes(ctx.user.role))
      await refuse(ctx, path, `role ${ctx.user.role}`, 'error.forbidden.role');
    return next();
  });
}

/**
 * A signed-in user with one of `roles`, acting on the district named in the input's `district`,
 * which must be in their scope. Procedures add their own fields with `.input()`.
 */
export function districtProcedure(roles: readonly Role[]) {
  return roleProcedure(roles)
    .input(z.object({ district: districtCodeSchema }))
    .use(async ({ ctx, input, next, path }) => {
      if (!inScope(ctx.user, input.district)) {
        await refuse(
          ctx,
          path,
          `district ${input.district} out of scope`,
          'error.forbidden.district',
        );
      }
      return next();
    });
}

export const ALL_ROLES: readonly Role[] = ['official', 'reviewer', 'leader', 'admin'];
