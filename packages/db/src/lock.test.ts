import { createHash } from 'node:crypto';
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireFolderLock } from './lock';

type Report = { won: false; error: string } | { won: true; start: number; end: number };

const contenders: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'pm-lock-'));

function next(child: ChildProcess): Promise<Report> {
  return new Promise((resolve) => child.once('message', (m) => resolve(m as Report)));
}

/** The pid of a process that has exited: a stale lock's owner. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', '0']);
  return run.pid ?? 999_999_999;
}

/**
 * Old-format and current-format locks of a dead process; every third round also a takeover file
 * left by a process that died while taking over.
 */
function plantStaleLock(round: number, pid: number): void {
  const content =
    round % 2 === 0
      ? String(pid)
      : JSON.stringify({ pid, host: hostname(), start: '1', token: `stale${round}` });
  writeFileSync(join(dir, 'plan-monitor.lock'), content);
  if (round % 3 === 2) {
    const digest = createHash('sha256').update(content).digest('hex').slice(0, 16);
    writeFileSync(join(dir, `plan-monitor.lock.takeover-${digest}`), String(pid));
  }
}

beforeAll(async () => {
  for (let i = 0; i < 4; i++) {
    const child = fork(join(import.meta.dirname, 'lock-contender.ts'), {
      execArgv: ['--import', 'tsx'],
    });
    contenders.push(child);
  }
  await Promise.all(contenders.map(next));
});

afterAll(() => {
  for (const child of contenders) child.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('acquireFolderLock', () => {
  it('four processes racing to take over a stale lock: exactly one holds it, 50 rounds', async () => {
    const dead = deadPid();
    const intervals: { start: number; end: number }[] = [];
    for (let round = 0; round < 50; round++) {
      plantStaleLock(round, dead);
      const reports = await Promise.all(
        contenders.map((child) => {
          const report = next(child);
          child.send({ dir, holdMs: 100 });
          return report;
        }),
      );
      const holds = reports.filter((r) => r.won);
      intervals.push(...holds);
      expect(holds, `round ${round}: holders`).toHaveLength(1);
      for (const loser of reports.filter((r) => !r.won)) {
        expect(loser.error).toMatch(/in use by process \d+/);
      }
      expect(readdirSync(dir), `round ${round}: files left`).toEqual([]);
    }
    intervals.sort((a, b) => a.start - b.start);
    for (let i = 1; i < intervals.length; i++) {
      expect(intervals[i]!.start).toBeGreaterThanOrEqual(intervals[i - 1]!.end);
    }
  });

  it('takes over a lock whose pid now belongs to another process', async () => {
    const reused = { pid: process.ppid, host: hostname(), start: '1', token: 'x' };
    writeFileSync(join(dir, 'plan-monitor.lock'), JSON.stringify(reused));
    const release = acquireFolderLock(dir);
    expect(readFileSync(join(dir, 'plan-monitor.lock'), 'utf8')).toContain(`"pid":${process.pid}`);
    await release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('counts a lock from another host as live and says which host and file', () => {
    const remote = { pid: 4242, host: 'elsewhere', token: 'y' };
    writeFileSync(join(dir, 'plan-monitor.lock'), JSON.stringify(remote));
    expect(() => acquireFolderLock(dir)).toThrow(
      /in use by process 4242 .*on host elsewhere; if no server or CLI runs there any more, delete .*plan-monitor\.lock; stop it or use another PM_DATA_DIR/,
    );
    rmSync(join(dir, 'plan-monitor.lock'));
  });

  it('release removes only its own lock', async () => {
    const release = acquireFolderLock(dir);
    writeFileSync(join(dir, 'plan-monitor.lock'), String(deadPid()));
    await release();
    expect(readdirSync(dir)).toEqual(['plan-monitor.lock']);
    rmSync(join(dir, 'plan-monitor.lock'));
  });
});
