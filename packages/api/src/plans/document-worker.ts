/**
 * The worker thread that reads uploaded plan documents (see document-reader.ts), so that reading a
 * big PDF or Word file never blocks the server. The built server has it as dist/document-worker.js.
 */
import { parentPort } from 'node:worker_threads';
import { DocumentError, readPlanDocument } from '@pm/documents';

parentPort?.on('message', ({ bytes, name }: { bytes: Uint8Array; name: string }) => {
  readPlanDocument(bytes, name).then(
    (doc) => parentPort?.postMessage({ doc }),
    (error: unknown) =>
      parentPort?.postMessage(
        error instanceof DocumentError
          ? {
              refused: {
                reason: error.reason,
                kind: error.kind,
                message: error.message,
                zh: error.zh,
              },
            }
          : { error: String((error as Error)?.stack ?? error) },
      ),
  );
});
