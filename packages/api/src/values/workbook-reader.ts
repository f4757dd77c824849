import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../errors';
import { unread, type SheetProblem, type WorkbookRead } from './workbook';
import { xlsxRefusal } from './xlsx-limits';

export interface WorkbookReaderOptions {
  /** Workbooks waiting while one is read; one more is refused as TOO_MANY_REQUESTS. */
  queue: number;
  timeoutMs: number;
  /** The worker's V8 heap; a workbook needing more kills only the worker. */
  heapMb: number;
}

interface Job {
  data: Uint8Array;
  resolve: (read: WorkbookRead) => void;
  reject: (error: unknown) => void;
}

const refused = (problem: SheetProblem): WorkbookRead => unread(problem);

/**
 * Reads entry workbooks one at a time in a worker thread with a bounded heap and a time limit,
 * so that parsing (exceljs: ~0.8 s and ~150 MB for 5,000 rows) never blocks the event loop and a
 * hostile file costs at most the worker. The archive's declared sizes are checked here first.
 */
export class WorkbookReader {
  private worker: Worker | null = null;
  private running = false;
  private readonly waiting: Job[] = [];

  constructor(readonly options: WorkbookReaderOptions) {}

  read(data: Uint8Array): Promise<WorkbookRead> {
    const early = xlsxRefusal(data, { inflate: false });
    if (early)
      return Promise.resolve(
        refused({
          cell: '(file)',
          key: `values.sheet.${early.key}`,
          params: early.params,
          message: early.message,
        }),
      );
    if (this.running && this.waiting.length >= this.options.queue)
      return Promise.reject(
        new DomainError(
          'TOO_MANY_REQUESTS',
          'values.uploadBusy',
          'the server is reading other workbooks; upload again in a minute',
        ),
      );
    return new Promise((resolve, reject) => {
      this.waiting.push({ data, resolve, reject });
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
      refused({
        cell: '(file)',
        key: 'values.sheet.tooComplex',
        params: { seconds: this.options.timeoutMs / 1000, mb: this.options.heapMb },
        message: `the workbook could not be read within ${this.options.timeoutMs / 1000} s and ${this.options.heapMb} MB (${why})`,
      });
    const onMessage = (m: { read: WorkbookRead } | { error: string }) =>
      finish(() => ('read' in m ? job.resolve(m.read) : job.reject(new Error(m.error))), false);
    const onError = (error: Error & { code?: string }) =>
      finish(
        () =>
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? job.resolve(tooComplex('memory'))
            : job.reject(error),
        true,
      );
    const onExit = (code: number) => finish(() => job.resolve(tooComplex(`exit ${code}`)), true);
    const timer = setTimeout(
      () => finish(() => job.resolve(tooComplex('time')), true),
      this.options.timeoutMs,
    );
    worker.on('message', onMessage).once('error', onError).once('exit', onExit);
    const copy = new Uint8Array(job.data);
    worker.postMessage(copy, [copy.buffer]);
  }

  private start(): Worker {
    const resourceLimits = { maxOldGenerationSizeMb: this.options.heapMb };
    const built = new URL('./workbook-worker.js', import.meta.url);
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
  const entry = new URL('./workbook-worker.ts', import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(api)}).then((m) => m.register()).then(() => import(${JSON.stringify(entry)}));`,
    { eval: true, resourceLimits },
  );
}

/** The server's one reader of uploaded workbooks. */
export const workbookReader = new WorkbookReader({ queue: 4, timeoutMs: 20_000, heapMb: 512 });
