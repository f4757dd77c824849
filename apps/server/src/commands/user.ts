import type { z } from 'zod';
import { Option, type Command } from 'commander';
import {
  hashPassword,
  newUserSchema,
  randomPassword,
  userProfileSchema,
  usernameSchema,
  userScopeSchema,
} from '@pm/api';
import { codesIn, listProblems, passwordSchema, scopeProblem } from '@pm/core';
import {
  createUser,
  listUsers,
  setPassword,
  setUserDisabled,
  setUserProfile,
  setUserScope,
} from '@pm/db';
import { CliError, formatTable, withDatabase } from './context';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** The password from standard input when asked for, else a generated one to print once. */
async function passwordFrom(opts: {
  passwordStdin?: boolean;
}): Promise<{ password: string; generated: boolean }> {
  if (!opts.passwordStdin) return { password: randomPassword(), generated: true };
  const result = passwordSchema.safeParse(await readStdin());
  if (!result.success) throw new CliError(listProblems(result.error)[0]?.message ?? 'bad password');
  return { password: result.data, generated: false };
}

/** `--districts` (codes or all) and `--regions` as the API takes them. */
function scopeOptions(opts: { districts?: string; regions?: string }) {
  return {
    districts: opts.districts?.trim() === 'all' ? ('all' as const) : codesIn(opts.districts),
    regions: codesIn(opts.regions),
  };
}

/** A scope in words: listed districts (or all) and regions. */
function scopeWords(u: { listed: string[] | 'all'; regions: string[] }): string {
  const parts = [
    u.listed === 'all' ? 'all' : u.listed.join(','),
    u.regions.length > 0 ? `regions ${u.regions.join(',')}` : '',
  ].filter(Boolean);
  return parts.join('; ') || '—';
}

function checked<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new CliError(
      listProblems(result.error)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; '),
    );
  }
  return result.data;
}

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('Manage accounts (admin)');

  user
    .command('add')
    .description('Add an account; prints a generated password unless --password-stdin is given')
    .argument('<username>', 'user name: lower-case letters, digits, . _ -')
    .addOption(
      new Option('--role <role>', 'role')
        .choices(['official', 'reviewer', 'leader', 'admin'])
        .makeOptionMandatory(),
    )
    .option('--districts <codes>', 'comma-separated district codes, or all (leaders and admins)')
    .option(
      '--regions <codes>',
      'comma-separated province (2 digits, 13) or city (4 digits, 1301) codes: every district in them (reviewers and leaders)',
    )
    .option('--name <display name>', 'name shown in the app (default: the user name)')
    .option('--unit <unit>', '单位 the user signs reports for, e.g. 裕华区发展和改革局')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (
        username: string,
        opts: {
          role: string;
          districts?: string;
          regions?: string;
          name?: string;
          unit?: string;
          passwordStdin?: boolean;
        },
      ) => {
        const input = checked(newUserSchema, {
          username,
          displayName: opts.name ?? username,
          unit: opts.unit,
          role: opts.role,
          ...scopeOptions(opts),
        });
        const { password, generated } = await passwordFrom(opts);
        const passwordHash = await hashPassword(password);
        await withDatabase((h) => createUser(h.db, { ...input, passwordHash }));
        console.log(
          `Added ${input.username} (${input.role}).${generated ? ` Password: ${password}` : ''}`,
        );
      },
    );

  user
    .command('list')
    .description('List accounts with role, districts and state')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'),
    )
    .action(async (opts: { format: 'table' | 'json' }) => {
      const list = await withDatabase((h) => listUsers(h.db));
      if (opts.format === 'json') return void console.log(JSON.stringify(list, null, 2));
      console.log(
        formatTable(
          ['username', 'name', 'role', 'districts', 'state', 'unit'],
          list.map((u) => [
            u.username,
            u.displayName,
            u.role,
            scopeWords(u),
            u.disabled ? 'disabled' : 'active',
            u.unit ?? '',
          ]),
        ),
      );
    });

  user
    .command('set')
    .description('Change an account’s display name or the unit (单位) it signs reports for')
    .argument('<username>')
    .option('--name <display name>', 'name shown in the app and on reports')
    .option('--unit <unit>', '单位 the user signs reports for; "" clears it')
    .action(async (username: string, opts: { name?: string; unit?: string }) => {
      const input = checked(userProfileSchema, {
        username,
        displayName: opts.name,
        unit: opts.unit,
      });
      const { username: name, ...profile } = input;
      const user = await withDatabase((h) => setUserProfile(h.db, name, profile));
      console.log(`${user.username}: ${user.displayName}, 单位 ${user.unit ?? '—'}.`);
    });

  user
    .command('scope')
    .description(
      'Replace whom an account sees: --districts (codes or all) and/or --regions (provinces, cities)',
    )
    .argument('<username>')
    .option('--districts <codes>', 'comma-separated district codes, or all (leaders and admins)')
    .option(
      '--regions <codes>',
      'comma-separated province (2 digits) or city (4 digits) codes (reviewers and leaders)',
    )
    .action(async (username: string, opts: { districts?: string; regions?: string }) => {
      const input = checked(userScopeSchema, { username, ...scopeOptions(opts) });
      const user = await withDatabase(async (h) => {
        const found = (await listUsers(h.db)).find((u) => u.username === input.username);
        if (!found) throw new CliError(`no user ${input.username}`);
        const problem = scopeProblem({ role: found.role, ...input });
        if (problem) throw new CliError(`${problem.path}: ${problem.message}`);
        return setUserScope(h.db, input.username, input);
      });
      const seen =
        user.districts === 'all' ? 'all districts' : `${user.districts.length} district(s)`;
      console.log(`${user.username} sees ${scopeWords(user)} (${seen}).`);
    });

  user
    .command('disable')
    .description('Disable an account and end its sessions (--enable to undo)')
    .argument('<username>')
    .option('--enable', 'enable the account again')
    .action(async (username: string, opts: { enable?: boolean }) => {
      const name = checked(usernameSchema, username);
      await withDatabase((h) => setUserDisabled(h.db, name, !opts.enable));
      console.log(`${name} is ${opts.enable ? 'enabled' : 'disabled'}.`);
    });

  user
    .command('reset-password')
    .description(
      'Set a new password and end the account’s sessions; prints a generated one unless --password-stdin',
    )
    .argument('<username>')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (username: string, opts: { passwordStdin?: boolean }) => {
      const name = checked(usernameSchema, username);
      const { password, generated } = await passwordFrom(opts);
      const passwordHash = await hashPassword(password);
      await withDatabase((h) => setPassword(h.db, name, passwordHash));
      console.log(`Password of ${name} changed.${generated ? ` New password: ${password}` : ''}`);
    });
}
