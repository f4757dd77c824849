import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PlanDocument } from '@pm/core';
import { DocumentError, type FileKind } from '@pm/documents';
import { DomainError } from '../errors';

export interface DocumentReaderOptions {
  /** Documents waiting while one is read; one more is refused as TOO_MANY_REQUESTS. */
  queue: number;
  timeoutMs: number;
  /** The worker's V8 heap; a document needing more kills only the worker. */
  heapMb: number;
}

interface Job {
  bytes: Uint8Array;
  name: string;
  resolve: (doc: PlanDocument) => void;
  reject: (error: unknown) => void;
}

type Answer =
  | { doc: PlanDocument }
  | {
      refused: {
        reason: DocumentError['reason'];
        kind: FileKind;
        message: string;
        zh: string;
      };
    }
  | { error: string };

/**
 * Reads plan documents (packages/documents) one at a time in a worker thread with a bounded heap
 * and a time limit: a 200-page PDF takes seconds of pdf.js, which must not stall every other
 * request, and a hostile file costs at most the worker. A file that is no plan document rejects
 * with the DocumentError the reader threw.
 */
export class DocumentReader {
  private worker: Worker | null = null;
  private running = false;
  private readonly waiting: Job[] = [];

  constructor(readonly options: DocumentReaderOptions) {}

  read(bytes: Uint8Array, name: string): Promise<PlanDocument> {
    if (this.running && this.waiting.length >= this.options.queue)
      return Promise.reject(
        new DomainError(
          'TOO_MANY_REQUESTS',
          'plans.document.busy',
          'the server is reading other documents; upload again in a minute',
        ),
      );
    return new Promise((resolve, reject) => {
      this.waiting.push({ bytes, name, resolve, reject });
      this.next();
    });
  }

  /** Stops the worker; a later read starts a new one. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private next(): void {
    const job = this.running ? undefined : this.waiting.shift();
    if (!job) return;
    this.running = true;
    const worker = (this.worker ??= this.start());
    worker.ref();
    let done = false;
    const finish = (settle: () => void, broken: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (broken && this.worker === worker) {
        this.worker = null;
        void worker.terminate();
      }
      worker.unref();
      this.running = false;
      settle();
      this.next();
    };
    const tooComplex = (why: string) =>
      new DomainError(
        'BAD_REQUEST',
        'plans.document.tooComplex',
        `${job.name} could not be read within ${this.options.timeoutMs / 1000} s and ${this.options.heapMb} MB (${why})`,
        { name: job.name, seconds: this.options.timeoutMs / 1000, mb: this.options.heapMb },
      );
    const onMessage = (m: Answer) =>
      finish(() => {
        if ('doc' in m) return job.resolve(m.doc);
        if ('refused' in m) {
          const { reason, kind, message, zh } = m.refused;
          return job.reject(new DocumentError(reason, kind, message, zh));
        }
        job.reject(new Error(m.error));
      }, false);
    const onError = (error: Error & { code?: string }) =>
      finish(
        () => job.reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex('memory') : error),
        true,
      );
    const onExit = (code: number) => finish(() => job.reject(tooComplex(`exit ${code}`)), true);
    const timer = setTimeout(
      () => finish(() => job.reject(tooComplex('time')), true),
      this.options.timeoutMs,
    );
    worker.on('message', onMessage).once('error', onError).once('exit', onExit);
    const copy = new Uint8Array(job.bytes);
    worker.postMessage({ bytes: copy, name: job.name }, [copy.buffer]);
  }

  private start(): Worker {
    const resourceLimits = { maxOldGenerationSizeMb: this.options.heapMb };
    const built = new URL('./document-worker.js', import.meta.url);
    const worker = existsSync(fileURLToPath(built))
      ? new Worker(built, { resourceLimits })
      : sourceWorker(resourceLimits);
    worker.unref();
    return worker;
  }
}

/** From TypeScript sources (tests, `tsx watch`): the worker compiles them with tsx as well. */
function sourceWorker(resourceLimits: { maxOldGenerationSizeMb: number }): Worker {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api'));
  const api = new URL('index.mjs', tsx).href;
  const entry = new URL('./document-worker.ts', import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(api)}).then((m) => m.register()).then(() => import(${JSON.stringify(entry)}));`,
    { eval: true, resourceLimits },
  );
}

/** The server's one reader of uploaded plan documents. */
export const documentReader = new DocumentReader({ queue: 2, timeoutMs: 60_000, heapMb: 768 });
