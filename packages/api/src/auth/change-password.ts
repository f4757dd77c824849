import { z } from 'zod';
import { passwordSchema } from '@pm/core';
import { recordAuthEvent, setPassword } from '@pm/db';
import { signedInProcedure } from '../trpc';
import { hashPassword } from './password';
import { checkSignIn } from './sign-in';
import { hashToken } from './session';

export const changePasswordInput = z
  .object({
    current: z.string().min(1, 'give your current password').max(256),
    next: passwordSchema,
  })
  .refine((i) => i.next !== i.current, {
    message: 'the new password must differ from the current one',
    path: ['next'],
  });

/**
 * A signed-in user changes their own password, giving the current one. Their other sessions end;
 * the one they are using stays.
 */
export const changePassword = signedInProcedure
  .input(changePasswordInput)
  .mutation(async ({ ctx, input }) => {
    await checkSignIn(ctx, ctx.user.username, input.current, new Date(), 'confirm');
    const who = { username: ctx.user.username, userId: ctx.user.id, address: ctx.address };
    await setPassword(ctx.db, ctx.user.username, await hashPassword(input.next), {
      keepSession: ctx.cookie.token ? hashToken(ctx.cookie.token) : undefined,
    });
    await recordAuthEvent(ctx.db, { kind: 'password_changed', ...who, detail: 'by the user' });
    return { ok: true };
  });
