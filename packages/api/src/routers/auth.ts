import { z } from 'zod';
import {
  createSession,
  deleteSession,
  findCredentials,
  findSessionUser,
  recentFailures,
  recordAuthEvent,
} from '@pm/db';
import { DomainError } from '../errors';
import { UNUSABLE_HASH, verifyPassword } from '../auth/password';
import {
  FAILURE_WINDOW_MINUTES,
  hashToken,
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_USER,
  newSessionToken,
  SESSION_HOURS,
} from '../auth/session';
import { publicProcedure, router, signedInProcedure } from '../trpc';
import { changePassword } from '../auth/change-password';

export const signInInput = z.object({
  username: z.string().trim().min(1, 'user name is required').max(64),
  password: z.string().min(1, 'password is required').max(256),
});

const MINUTE = 60_000;

export const authRouter = router({
  /** The signed-in user, or null. */
  me: publicProcedure.query(({ ctx }) => ctx.user),

  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    const now = Date.now();
    const since = new Date(now - FAILURE_WINDOW_MINUTES * MINUTE);
    const failures = await recentFailures(ctx.db, input.username, ctx.address, since);
    const lockedSince =
      failures.byUser >= MAX_FAILURES_PER_USER
        ? failures.oldestByUser
        : failures.byAddress >= MAX_FAILURES_PER_ADDRESS
          ? failures.oldestByAddress
          : null;
    if (lockedSince) {
      const minutes = Math.max(
        1,
        Math.ceil((lockedSince.getTime() + FAILURE_WINDOW_MINUTES * MINUTE - now) / MINUTE),
      );
      await recordAuthEvent(ctx.db, {
        kind: 'sign_in_locked',
        username: input.username,
        address: ctx.address,
      });
      throw new DomainError(
        'TOO_MANY_REQUESTS',
        'auth.locked',
        `too many failed sign-ins; try again in ${minutes} minutes`,
        {
          minutes,
        },
      );
    }

    const credentials = await findCredentials(ctx.db, input.username);
    const ok = await verifyPassword(input.password, credentials?.passwordHash ?? UNUSABLE_HASH);
    if (!credentials || !ok || credentials.disabled) {
      await recordAuthEvent(ctx.db, {
        kind: 'sign_in_failed',
        username: input.username,
        userId: credentials?.id ?? null,
        address: ctx.address,
        detail: !credentials ? 'unknown user' : !ok ? 'wrong password' : 'disabled',
      });
      throw new DomainError('UNAUTHORIZED', 'auth.failed', 'wrong user name or password');
    }

    const token = newSessionToken();
    const expires = new Date(now + SESSION_HOURS * 60 * MINUTE);
    await createSession(ctx.db, hashToken(token), credentials.id, expires);
    await recordAuthEvent(ctx.db, {
      kind: 'sign_in',
      username: input.username,
      userId: credentials.id,
      address: ctx.address,
    });
    ctx.cookie.set(token, expires);
    return findSessionUser(ctx.db, hashToken(token), new Date(now));
  }),

  signOut: signedInProcedure.mutation(async ({ ctx }) => {
    if (ctx.cookie.token) await deleteSession(ctx.db, hashToken(ctx.cookie.token));
    await recordAuthEvent(ctx.db, {
      kind: 'sign_out',
      username: ctx.user.username,
      userId: ctx.user.id,
      address: ctx.address,
    });
    ctx.cookie.clear();
    return { ok: true };
  }),

  changePassword,
});
