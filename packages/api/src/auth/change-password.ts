import { z } from 'zod';
import { passwordSchema } from '@pm/core';
import { accountFailures, findCredentials, recordAuthEvent, setPassword } from '@pm/db';
import { DomainError } from '../errors';
import { signedInProcedure } from '../trpc';
import { hashPassword, UNUSABLE_HASH, verifyPassword } from './password';
import { hashToken } from './session';

/**
 * Wrong current passwords (and failed sign-ins) of one account allowed over the window, so that
 * whoever holds a stolen session cannot guess the password behind it without limit.
 */
export const MAX_WRONG_CURRENT = 5;
export const WRONG_CURRENT_WINDOW_MINUTES = 15;
const MINUTE = 60_000;

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
    const now = Date.now();
    const since = new Date(now - WRONG_CURRENT_WINDOW_MINUTES * MINUTE);
    const failures = await accountFailures(ctx.db, ctx.user.id, since);
    if (failures.count >= MAX_WRONG_CURRENT) {
      const until = (failures.oldest?.getTime() ?? now) + WRONG_CURRENT_WINDOW_MINUTES * MINUTE;
      const minutes = Math.max(1, Math.ceil((until - now) / MINUTE));
      throw new DomainError(
        'TOO_MANY_REQUESTS',
        'auth.changeLocked',
        `too many wrong passwords; try again in ${minutes} minutes`,
        { minutes },
      );
    }
    const credentials = await findCredentials(ctx.db, ctx.user.username);
    const ok = await verifyPassword(input.current, credentials?.passwordHash ?? UNUSABLE_HASH);
    const who = { username: ctx.user.username, userId: ctx.user.id, address: ctx.address };
    if (!credentials || !ok) {
      await recordAuthEvent(ctx.db, {
        kind: 'sign_in_failed',
        ...who,
        detail: 'wrong current password',
      });
      throw new DomainError('BAD_REQUEST', 'auth.wrongCurrent', 'the current password is wrong');
    }
    await setPassword(ctx.db, ctx.user.username, await hashPassword(input.next), {
      keepSession: ctx.cookie.token ? hashToken(ctx.cookie.token) : undefined,
    });
    await recordAuthEvent(ctx.db, { kind: 'password_changed', ...who, detail: 'by the user' });
    return { ok: true };
  });
