import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { DbOpenError } from './errors';

/**
 * PGlite lets one process open a data folder; a second would corrupt it. The lock file holds the
 * owner's pid, and a lock left by a dead process is taken over.
 */
export function acquireFolderLock(dataDir: string): () => Promise<void> {
  const path = join(dataDir, 'plan-monitor.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return async () => rmSync(path, { force: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        throw new DbOpenError(
          'PM_DATA_DIR',
          `the data folder ${dataDir} is not writable (${code ?? String(error)})`,
          { cause: error },
        );
      }
      const owner = Number(readFileSync(path, 'utf8'));
      if (isAlive(owner)) {
        throw new DbOpenError(
          'PM_DATA_DIR',
          `the data folder ${dataDir} is in use by process ${owner} (a running server or CLI); stop it or use another PM_DATA_DIR`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DbOpenError('PM_DATA_DIR', `cannot lock the data folder ${dataDir}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
