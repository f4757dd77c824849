import { describe, expect, it } from 'vitest';
import { cli, useDataFolder } from './testing';

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
  ])('%j is refused: %s', async (argv, message) => {
    const run = await cli(...argv);
    expect(run.code).not.toBe(0);
    expect(run.err).toContain(message);
  });

  it('disables, enables and resets a password', async () => {
    expect((await cli('user', 'disable', 'liu')).out).toContain('liu is disabled.');
    expect((await cli('user', 'list')).out).toMatch(/liu .* disabled/);
    expect((await cli('user', 'disable', 'liu', '--enable')).out).toContain('liu is enabled.');
    expect((await cli('user', 'reset-password', 'liu')).out).toMatch(/New password: \w{16}/);
  });
});
