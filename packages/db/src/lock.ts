import { createHash, randomBytes } from 'node:crypto';
import { linkSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DbOpenError } from './errors';

const LOCK = 'plan-monitor.lock';
/** Waiting on another process's takeover (microseconds of work) gives up after this. */
const PATIENCE_MS = 3000;

/** Who holds a lock file. A lock from before this format holds only the pid. */
interface Owner {
  pid: number;
  host?: string;
  /** Linux boot id: a lock from before a reboot is dead. */
  boot?: string;
  /** Process start time in clock ticks since boot, so a reused pid is told apart. */
  start?: string;
  /** Makes each lock file's content unique. */
  token?: string;
}

/**
 * PGlite lets one process open a data folder; a second would corrupt it. The lock file is created
 * whole and atomically (written under a private name, then hard-linked to `plan-monitor.lock`,
 * which fails if the name exists). A lock whose owner is dead is removed only by the one process
 * that creates the takeover file named after that lock's content, and only after it re-reads the
 * lock and finds the same content, so two starters cannot both take over and a live lock is never
 * removed. Liveness: same host and boot, the pid exists and started when the lock says. A lock
 * from another host (a shared network folder) cannot be checked and counts as live.
 */
export function acquireFolderLock(dataDir: string): () => Promise<void> {
  const path = join(dataDir, LOCK);
  const me: Owner = { ...identity(process.pid), token: randomBytes(12).toString('hex') };
  const mine = JSON.stringify(me);
  const giveUp = Date.now() + PATIENCE_MS;
  while (Date.now() < giveUp) {
    if (createWhole(path, mine, dataDir)) {
      removeLeftovers(dataDir);
      return async () => {
        if (readOrNull(path) === mine) unlinkQuietly(path);
      };
    }
    const held = readOrNull(path);
    if (held === null) continue;
    const owner = parseOwner(held);
    if (owner && isAlive(owner)) throw inUse(dataDir, path, owner);
    takeOver(path, held, mine, dataDir, 0);
  }
  throw new DbOpenError(
    'PM_DATA_DIR',
    `cannot lock the data folder ${dataDir}: another process kept taking over ${path}`,
  );
}

/** Removes `file` if it still holds `held` (whose owner is dead), or helps or waits for whoever is. */
function takeOver(file: string, held: string, mine: string, dataDir: string, depth: number): void {
  const guard = `${file}.takeover-${createHash('sha256').update(held).digest('hex').slice(0, 16)}`;
  if (depth > 3 || !createWhole(guard, mine, dataDir)) {
    const other = readOrNull(guard);
    const owner = other === null ? null : parseOwner(other);
    if (other !== null && depth <= 3 && !(owner && isAlive(owner))) {
      takeOver(guard, other, mine, dataDir, depth + 1);
    } else {
      sleep(5 + Math.random() * 10);
    }
    return;
  }
  try {
    if (readOrNull(file) === held) unlinkQuietly(file);
  } finally {
    if (readOrNull(guard) === mine) unlinkQuietly(guard);
  }
}

/** Creates `file` holding `content`, complete from its first instant; false if it exists. */
function createWhole(file: string, content: string, dataDir: string): boolean {
  const draft = `${file}.${randomBytes(6).toString('hex')}.new`;
  try {
    writeFileSync(draft, content, { flag: 'wx' });
  } catch (error) {
    throw notWritable(dataDir, error);
  }
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOENT: a lock holder cleared our draft as a leftover; the next round sees its lock.
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    throw notWritable(dataDir, error);
  } finally {
    unlinkQuietly(draft);
  }
}

function notWritable(dataDir: string, error: unknown): DbOpenError {
  const code = (error as NodeJS.ErrnoException).code;
  return new DbOpenError(
    'PM_DATA_DIR',
    `the data folder ${dataDir} is not writable (${code ?? String(error)})`,
    { cause: error },
  );
}

/**
 * Drafts and takeover files left by a process that died mid-way. Safe only while we hold the
 * lock: every takeover in flight concerns an older lock and finds ours instead.
 */
function removeLeftovers(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    if (name.startsWith(`${LOCK}.`)) unlinkQuietly(join(dataDir, name));
  }
}

function inUse(dataDir: string, path: string, owner: Owner): DbOpenError {
  const where =
    owner.host && owner.host !== hostname()
      ? ` on host ${owner.host}; if no server or CLI runs there any more, delete ${path}`
      : '';
  return new DbOpenError(
    'PM_DATA_DIR',
    `the data folder ${dataDir} is in use by process ${owner.pid} (a running server or CLI)${where}; stop it or use another PM_DATA_DIR`,
  );
}

function parseOwner(text: string): Owner | null {
  if (/^\s*\d+\s*$/.test(text)) return { pid: Number(text) };
  try {
    const value = JSON.parse(text) as Owner;
    return Number.isInteger(value?.pid) ? value : null;
  } catch {
    return null;
  }
}

function identity(pid: number): Owner {
  return { pid, host: hostname(), boot: bootId(), start: startTime(pid) };
}

function isAlive(owner: Owner): boolean {
  if (owner.host !== undefined && owner.host !== hostname()) return true;
  const now = identity(owner.pid);
  if (owner.boot && now.boot && owner.boot !== now.boot) return false;
  if (owner.pid <= 0) return false;
  if (owner.pid !== process.pid) {
    try {
      process.kill(owner.pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
    }
  }
  return !(owner.start && now.start && owner.start !== now.start);
}

let boot: string | undefined | null = null;
function bootId(): string | undefined {
  if (boot === null) {
    const text = readOrNull('/proc/sys/kernel/random/boot_id');
    boot = text?.trim() || undefined;
  }
  return boot;
}

/** Field 22 of /proc/<pid>/stat; the fields are counted after the command name's closing ')'. */
function startTime(pid: number): string | undefined {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
