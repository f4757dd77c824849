import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { Gate, hashGate } from './hash-gate';
import { hashPassword, verifyPassword } from './password';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('the hashing gate', () => {
  it('runs at most `concurrency` tasks at once, queues `queue` more and refuses the rest at once', async () => {
    const gate = new Gate(1, 2);
    const tasks = Array.from({ length: 5 }, deferred);
    let active = 0;
    let most = 0;
    const runs = tasks.map((d, i) =>
      gate
        .run(async () => {
          most = Math.max(most, ++active);
          await d.promise;
          active--;
          return i;
        })
        .catch((e: unknown) => e),
    );
    expect(gate.load).toEqual({ running: 1, waiting: 2 });
    const refused = await Promise.all(runs.slice(3));
    for (const e of refused)
      expect(e).toMatchObject({ code: 'TOO_MANY_REQUESTS', key: 'auth.busy' });
    expect(refused[0]).toBeInstanceOf(DomainError);
    tasks.forEach((d) => d.resolve());
    expect(await Promise.all(runs.slice(0, 3))).toEqual([0, 1, 2]);
    expect(most).toBe(1);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('a failing task frees its place', async () => {
    const gate = new Gate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 'next')).toBe('next');
  });

  it('many password checks leave the thread pool free: a compression meanwhile waits for none of them', async () => {
    const stored = await hashPassword('correct horse battery');
    const checks = Promise.all(Array.from({ length: 8 }, () => verifyPassword('wrong', stored)));
    const started = performance.now();
    await promisify(gzip)(Buffer.alloc(1024, 'a'));
    const waited = performance.now() - started;
    expect(hashGate.load.running).toBe(hashGate.concurrency);
    expect(await checks).toEqual(Array(8).fill(false));
    // One hash takes ~85 ms; with the pool's 4 threads all hashing, the compression waited for one.
    expect(waited).toBeLessThan(40);
  });
});
