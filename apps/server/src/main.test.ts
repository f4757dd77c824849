import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Starts the server from source with `env`, and collects what it printed until it exits. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', main], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

describe('the server refuses a wrong setting at once, in one line naming it', () => {
  it('a DATABASE_URL it cannot reach', async () => {
    const { code, stderr } = await start({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^Plan Monitor cannot start\. DATABASE_URL: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/none/,
    );
  });

  it.runIf(process.env.TEST_DATABASE_URL)('a DATABASE_REPLICA_URL it cannot reach', async () => {
    const { code, stderr } = await start({
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? '',
      DATABASE_REPLICA_URL: 'postgres://nobody@127.0.0.1:1/replica',
    });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^Plan Monitor cannot start\. DATABASE_REPLICA_URL: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/replica/,
    );
  });

  it('a data folder that cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-main-'));
    try {
      writeFileSync(join(dir, 'file'), '');
      const { code, stderr } = await start({ PM_DATA_DIR: join(dir, 'file', 'data') });
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(
        /^Plan Monitor cannot start\. PM_DATA_DIR: cannot create the data folder/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a HOST that is no address of this machine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-host-'));
    try {
      const { code, stderr } = await start({ PM_DATA_DIR: dir, HOST: '192.0.2.1', PORT: '0' });
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        'Plan Monitor cannot start. HOST: 192.0.2.1 is no address of this machine',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a PORT that is not a number', async () => {
    const { code, stderr } = await start({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('Plan Monitor cannot start. PORT: must be a number');
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM stops listening, closes the database and releases the data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-stop-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', main], {
        env: {
          PATH: process.env.PATH,
          PM_DATA_DIR: dir,
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      const listening = new Promise<void>((ready) =>
        child.stdout.on('data', (d) => {
          stdout += d;
          if (stdout.includes('"listening on')) ready();
        }),
      );
      const exited = new Promise<number | null>((done) => child.on('exit', done));
      await listening;
      expect(existsSync(join(dir, 'plan-monitor.lock'))).toBe(true);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const events = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { msg: string });
      expect(events.map((e) => e.msg)).toEqual(
        expect.arrayContaining(['database ready', 'shutting down', 'stopped']),
      );
      expect(events.map((e) => e.msg)).toContainEqual(
        expect.stringMatching(/^listening on http:\/\/127\.0\.0\.1:\d+$/),
      );
      expect(existsSync(join(dir, 'plan-monitor.lock'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
