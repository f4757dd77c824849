import { z } from 'zod';
import {
  districtCodeSchema,
  passwordSchema,
  regionCodeSchema,
  scopeProblem,
  type UserScopeOf,
} from '@pm/core';
import {
  createUser,
  listUsers,
  recordAuthEvent,
  setPassword,
  setUserDisabled,
  setUserProfile,
  setUserScope,
} from '@pm/db';
import { DomainError } from '../errors';
import { hashPassword, randomPassword } from '../auth/password';
import { roleProcedure, router } from '../trpc';

const admin = roleProcedure(['admin']);

export const usernameSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,31}$/,
    'user name: 2–32 lower-case letters, digits, dot, dash or underscore',
  );

const displayNameSchema = z.string().trim().min(1, 'display name is required').max(64);
/** 单位, as the user signs reports (区发展和改革局); optional, blank for none. */
const unitText = z.string().trim().max(64, 'unit (单位): at most 64 characters');
const unitSchema = unitText.nullish().transform((s) => s || null);

/** A change of how a user is named and signs: only the fields given change. */
export const userProfileSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema.optional(),
    /** Absent: unchanged; blank or null: cleared. */
    unit: unitText
      .nullable()
      .optional()
      .transform((s) => (s === undefined ? undefined : s || null)),
  })
  .refine((p) => p.displayName !== undefined || p.unit !== undefined, {
    message: 'give a display name or a unit (单位) to change',
  });

const roleSchema = z.enum(['official', 'reviewer', 'leader', 'admin']);
type Role = z.infer<typeof roleSchema>;

/** Whom a user sees: listed districts or all, and provinces or cities whose every district. */
const scopeFields = {
  districts: z.union([z.literal('all'), z.array(districtCodeSchema).max(5000)]).default([]),
  regions: z.array(regionCodeSchema).max(100).default([]),
};

const refineScope = (s: UserScopeOf<Role>, ctx: z.RefinementCtx) => {
  const problem = scopeProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.path] });
};

export const newUserSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    unit: unitSchema,
    role: roleSchema,
    ...scopeFields,
    password: passwordSchema.optional(),
  })
  .superRefine(refineScope);

/** A new scope for an existing user, replacing the old one. */
export const userScopeSchema = z.object({ username: usernameSchema, ...scopeFields });

export const usersRouter = router({
  list: admin.query(({ ctx }) => listUsers(ctx.db)),

  /** Adds a user; without a password, one is generated and returned once. */
  add: admin.input(newUserSchema).mutation(async ({ ctx, input }) => {
    const password = input.password ?? randomPassword();
    const { password: _, ...user } = input;
    await createUser(ctx.db, { ...user, passwordHash: await hashPassword(password) });
    return { username: input.username, password: input.password ? null : password };
  }),

  /**
   * Replaces whom a user sees: listed districts (or all) and provinces or cities. A province or
   * city without any district, or an unknown district, is refused by its code.
   */
  setScope: admin.input(userScopeSchema).mutation(async ({ ctx, input }) => {
    const { username, ...scope } = input;
    const user = (await listUsers(ctx.db)).find((u) => u.username === username);
    if (!user)
      throw new DomainError('NOT_FOUND', 'users.not_found', `no user ${username}`, {
        detail: username,
      });
    const problem = scopeProblem({ role: user.role, ...scope });
    if (problem)
      throw new DomainError('BAD_REQUEST', 'users.badScope', problem.message, {
        detail: problem.message,
      });
    return setUserScope(ctx.db, username, scope);
  }),

  /** Renames a user or sets the unit (单位) their reports are signed with. */
  setProfile: admin.input(userProfileSchema).mutation(async ({ ctx, input }) => {
    const { username, ...profile } = input;
    return setUserProfile(ctx.db, username, profile);
  }),

  setDisabled: admin
    .input(z.object({ username: usernameSchema, disabled: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      if (input.username === ctx.user.username && input.disabled) {
        throw new DomainError(
          'BAD_REQUEST',
          'users.selfDisable',
          'you cannot disable your own account',
        );
      }
      await setUserDisabled(ctx.db, input.username, input.disabled);
      return { ok: true };
    }),

  /** Sets a new password (generated when not given) and ends the user's sessions. */
  resetPassword: admin
    .input(z.object({ username: usernameSchema, password: passwordSchema.optional() }))
    .mutation(async ({ ctx, input }) => {
      const password = input.password ?? randomPassword();
      await setPassword(ctx.db, input.username, await hashPassword(password));
      await recordAuthEvent(ctx.db, {
        kind: 'password_changed',
        username: input.username,
        address: ctx.address,
        detail: `reset by ${ctx.user.username}`,
      });
      return { username: input.username, password: input.password ? null : password };
    }),
});
