import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '@pm/api';
import { passwordSchema } from '@pm/core';
import { createSession, findCredentials, schema } from '@pm/db';
import { DEMO_ACCOUNTS } from '../demo-accounts';
import { withDatabase } from './context';
import { cli, useDataFolder } from './testing';

const DAY = 24 * 3_600_000;

describe('user commands', () => {
  useDataFolder();

  it('a new embedded database has one demo account per role', async () => {
    const run = await cli('user', 'list', '--format', 'json');
    const users = JSON.parse(run.out) as { username: string; role: string; districts: unknown }[];
    expect(users.map((u) => [u.username, u.role, u.districts])).toEqual([
      ['admin', 'admin', 'all'],
      ['leader', 'leader', 'all'],
      ['official', 'official', ['130108']],
      ['reviewer', 'reviewer', ['130108']],
    ]);
  });

  it('adds an account and prints its generated password once', async () => {
    const run = await cli(
      'user',
      'add',
      'liu',
      '--role',
      'official',
      '--districts',
      '410703,410402',
      '--name',
      '刘',
    );
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Added liu \(official\)\. Password: \w{16}$/m);
    expect((await cli('user', 'list')).out).toMatch(/liu\s+刘\s+official\s+410402,410703\s+active/);
  });

  it('adds a reviewer with the unit their reports are signed for, and changes it later', async () => {
    const added = await cli(
      'user',
      'add',
      'zhao',
      '--role',
      'reviewer',
      '--districts',
      '130108',
      '--name',
      '赵明',
      '--unit',
      '裕华区发展和改革局',
    );
    expect(added.code).toBe(0);
    expect((await cli('user', 'list')).out).toMatch(
      /zhao\s+赵明\s+reviewer\s+130108\s+active\s+裕华区发展和改革局/,
    );
    const set = await cli('user', 'set', 'zhao', '--unit', '裕华区统计局');
    expect(set.out).toContain('zhao: 赵明, 单位 裕华区统计局.');
    expect((await cli('user', 'set', 'zhao', '--name', '赵明明')).out).toContain(
      'zhao: 赵明明, 单位 裕华区统计局.',
    );
    expect((await cli('user', 'set', 'zhao', '--unit', '')).out).toContain('单位 —.');
    const list = JSON.parse((await cli('user', 'list', '--format', 'json')).out) as {
      username: string;
      unit: string | null;
    }[];
    expect(list.find((u) => u.username === 'zhao')?.unit).toBeNull();
  });

  it('scopes a leader by province and a reviewer by city, and changes a scope', async () => {
    const added = await cli('user', 'add', 'hebei', '--role', 'leader', '--regions', '13');
    expect(added.code).toBe(0);
    expect((await cli('user', 'list')).out).toMatch(/hebei\s+hebei\s+leader\s+regions 13\s+active/);
    const json = JSON.parse((await cli('user', 'list', '--format', 'json')).out) as {
      username: string;
      districts: string[];
    }[];
    expect(json.find((u) => u.username === 'hebei')?.districts).toEqual(['130104', '130108']);
    const scoped = await cli(
      'user',
      'scope',
      'hebei',
      '--regions',
      '4107',
      '--districts',
      '130108',
    );
    expect(scoped.out).toContain('hebei sees 130108; regions 4107 (2 district(s)).');
  });

  it.each([
    [['user', 'add', 'liu', '--role', 'official', '--districts', '410703'], 'exists already'],
    [
      ['user', 'add', 'He Li', '--role', 'official', '--districts', '410703'],
      'username: user name',
    ],
    [['user', 'add', 'he', '--role', 'official', '--districts', '999999'], 'no district 999999'],
    [['user', 'add', 'he', '--role', 'official', '--districts', 'all'], 'only leaders and admins'],
    [
      ['user', 'add', 'he', '--role', 'chief', '--districts', 'all'],
      'Allowed choices are official',
    ],
    [['user', 'disable', 'ghost'], 'no user ghost'],
    [['user', 'set', 'ghost', '--unit', '局'], 'no user ghost'],
    [['user', 'set', 'liu'], 'give a display name or a unit'],
    [['user', 'add', 'he', '--role', 'leader', '--regions', '99'], 'no district is in region 99'],
    [['user', 'add', 'he', '--role', 'leader', '--regions', '1'], 'a province code has 2 digits'],
    [['user', 'add', 'he', '--role', 'official', '--regions', '13'], 'only reviewers and leaders'],
    [['user', 'add', 'he', '--role', 'leader'], 'give at least one district, a province or a city'],
    [['user', 'scope', 'ghost', '--regions', '13'], 'no user ghost'],
    [['user', 'scope', 'liu', '--regions', '13'], 'only reviewers and leaders'],
    [['user', 'set', 'liu', '--unit', '局'.repeat(65)], 'unit (单位): at most 64 characters'],
  ])('%j is refused: %s', async (argv, message) => {
    const run = await cli(...argv);
    expect(run.code).not.toBe(0);
    expect(run.err).toContain(message);
  });

  it('every demo account signs in with the password the README gives, of 12 characters at least', async () => {
    for (const { username, password } of DEMO_ACCOUNTS) {
      expect(passwordSchema.safeParse(password).success).toBe(true);
      const hash = (await withDatabase((h) => findCredentials(h.db, username)))!.passwordHash;
      expect(await verifyPassword(password, hash)).toBe(true);
    }
  });

  it('a password read from standard input needs 12 characters', async () => {
    const stdin = (text: string) =>
      vi
        .spyOn(process, 'stdin', 'get')
        .mockReturnValue(Readable.from([Buffer.from(text)]) as never);
    stdin('eleven-char\n');
    const short = await cli('user', 'reset-password', 'liu', '--password-stdin');
    expect(short.code).toBe(1);
    expect(short.err).toContain('password must have at least 12 characters');
    stdin('twelve-chars\n');
    const ok = await cli('user', 'reset-password', 'liu', '--password-stdin');
    expect(ok.out).toBe('Password of liu changed.\n');
    vi.restoreAllMocks();
    const hash = (await withDatabase((h) => findCredentials(h.db, 'liu')))!.passwordHash;
    expect(await verifyPassword('twelve-chars', hash)).toBe(true);
  });

  it('db prune deletes auth events past the retention and ended sessions', async () => {
    await withDatabase(async ({ db }) => {
      await db
        .insert(schema.authEvents)
        .values({ kind: 'sign_in', username: 'liu', at: new Date(Date.now() - 401 * DAY) });
      const liu = (await findCredentials(db, 'liu'))!;
      await createSession(db, 'gone', liu.id, new Date(Date.now() - DAY));
    });
    const run = await cli('db', 'prune');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /^Deleted 1 auth events older than 400 days, 1 ended sessions and 0 stale sign-in throttle rows\.$/m,
    );
    expect((await cli('db', 'prune')).out).toMatch(/^Deleted 0 auth events/);
  });

  it('disables, enables and resets a password', async () => {
    expect((await cli('user', 'disable', 'liu')).out).toContain('liu is disabled.');
    expect((await cli('user', 'list')).out).toMatch(/liu .* disabled/);
    expect((await cli('user', 'disable', 'liu', '--enable')).out).toContain('liu is enabled.');
    expect((await cli('user', 'reset-password', 'liu')).out).toMatch(/New password: \w{16}/);
  });
});
