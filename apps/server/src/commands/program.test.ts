import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './program';

describe('CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.PM_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
    const error = vi
      .spyOn(console, 'error')
      .mockImplementation((...a) => void err.push(a.join(' ')));
    const write = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation((s) => (out.push(String(s)), true));
    const writeErr = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((s) => (err.push(String(s)), true));
    return {
      out,
      err,
      restore: () => [log, error, write, writeErr].forEach((s) => s.mockRestore()),
    };
  }

  it('db migrate brings a new data folder up to date', async () => {
    const io = capture();
    const code = await runCli(['db', 'migrate']);
    io.restore();
    expect(code).toBe(0);
    expect(io.out.join('')).toContain(`Database is up to date (pglite ${dir})`);
  });

  it('districts --format json prints a JSON list', async () => {
    const io = capture();
    const code = await runCli(['districts', '--format', 'json']);
    io.restore();
    expect(code).toBe(0);
    expect(Array.isArray(JSON.parse(io.out.join('')))).toBe(true);
  });

  it('an unknown format is refused with the allowed choices', async () => {
    const io = capture();
    const code = await runCli(['districts', '--format', 'xml']);
    io.restore();
    expect(code).not.toBe(0);
    expect(io.err.join('')).toContain('Allowed choices are table, json');
  });

  it.each([[['--help']], [['districts', '--help']], [['db', 'migrate', '--help']]])(
    '%j prints help and succeeds',
    async (argv) => {
      const io = capture();
      const code = await runCli(argv);
      io.restore();
      expect(code).toBe(0);
      expect(io.out.join('')).toContain('Usage: plan-monitor');
    },
  );
});
