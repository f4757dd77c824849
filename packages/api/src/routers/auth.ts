import { z } from 'zod';
import { createSession, deleteSession, findSessionUser, recordAuthEvent } from '@pm/db';
import { hashToken, newSessionToken, SESSION_HOURS } from '../auth/session';
import { checkSignIn } from '../auth/sign-in';
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
    const now = new Date();
    const credentials = await checkSignIn(ctx, input.username, input.password, now);
    const token = newSessionToken();
    const expires = new Date(now.getTime() + SESSION_HOURS * 60 * MINUTE);
    await createSession(ctx.db, hashToken(token), credentials.id, expires);
    await recordAuthEvent(ctx.db, {
      kind: 'sign_in',
      username: input.username,
      userId: credentials.id,
      address: ctx.address,
    });
    ctx.cookie.set(token, expires);
    return findSessionUser(ctx.db, hashToken(token), now);
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
