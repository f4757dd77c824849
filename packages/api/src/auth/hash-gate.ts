import { availableParallelism } from 'node:os';
import { DomainError } from '../errors';

/**
 * At most `concurrency` tasks at once, `queue` more waiting; beyond that a task is refused at
 * once with TOO_MANY_REQUESTS `auth.busy` rather than queued without limit.
 */
export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue)
        throw new DomainError(
          'TOO_MANY_REQUESTS',
          'auth.busy',
          'the server is busy checking passwords; try again in a few seconds',
        );
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Tasks running and waiting, for tests. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}

/**
 * Password hashing of the whole process: scrypt runs on libuv's thread pool (4 threads) and
 * takes a core for ~85 ms and 32 MiB a hash. Half the cores at most (one on two), so the other
 * requests keep a core, and pool threads stay free for compression and files; 16 waiting is
 * about a second and a half of work at one at a time.
 */
export const hashGate = new Gate(Math.max(1, Math.floor(availableParallelism() / 2)), 16);
