/**
 * A separate process for lock.test.ts: on each message it tries to lock the folder, holds the
 * lock for `holdMs` if it won, and reports when it held it.
 */
import { acquireFolderLock } from './lock';

interface Round {
  dir: string;
  holdMs: number;
}

process.on('message', (round: Round) => {
  let release: (() => Promise<void>) | undefined;
  try {
    release = acquireFolderLock(round.dir);
  } catch (error) {
    process.send?.({ won: false, error: String((error as Error).message) });
    return;
  }
  const start = performance.timeOrigin + performance.now();
  setTimeout(() => {
    const end = performance.timeOrigin + performance.now();
    void release?.().then(() => process.send?.({ won: true, start, end }));
  }, round.holdMs);
});
process.send?.({ ready: true });
