/**
 * The worker thread that reads uploaded entry workbooks (see workbook-reader.ts), so that parsing
 * one never blocks the server. The built server has it as dist/workbook-worker.js.
 */
import { parentPort } from 'node:worker_threads';
import { readValuesWorkbook } from './workbook';

parentPort?.on('message', (data: Uint8Array) => {
  readValuesWorkbook(data).then(
    (read) => parentPort?.postMessage({ read }),
    (error: unknown) =>
      parentPort?.postMessage({ error: String((error as Error)?.stack ?? error) }),
  );
});
