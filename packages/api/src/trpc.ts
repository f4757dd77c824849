import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Context } from './context';
import { DomainError } from './errors';

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
        ? cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
        : null;
    const domain = cause instanceof DomainError ? { key: cause.key, params: cause.params } : null;
    return {
      ...shape,
      message: issues
        ? issues.map((i) => `${i.path || 'input'}: ${i.message}`).join('; ')
        : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        issues,
        messageKey: domain?.key ?? null,
        params: domain?.params ?? null,
      },
    };
  },
});

/** Maps typed domain errors to tRPC codes in one place; logs what nobody expected. */
const errors = t.middleware(async ({ next, path, ctx }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      result.error = new TRPCError({ code: cause.code, message: cause.message, cause });
    } else if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      ctx.log.error({ err: result.error.cause ?? result.error, path }, 'procedure failed');
    }
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(errors);
