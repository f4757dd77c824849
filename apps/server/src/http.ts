import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import sirv from 'sirv';
import { appRouter } from '@pm/api';
import { ping, type DbHandle } from '@pm/db';
import type { Log } from './log';

export interface HttpOptions {
  handle: DbHandle;
  log: Log;
  /** The built web app; when missing, `/` says how to build it. */
  webDir: string | null;
}

/** One server: the API under /trpc, /healthz, and the web app with client-side routes. */
export function createHttpServer({ handle, log, webDir }: HttpOptions): Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    createContext: () => ({ db: handle.db, log }),
  });
  const web =
    webDir && existsSync(webDir) ? sirv(webDir, { single: true, gzip: true, etag: true }) : null;

  return createServer((req, res) => {
    const started = performance.now();
    res.on('finish', () => {
      log.info(
        {
          method: req.method,
          url: req.url,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    });
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') return void healthz(handle, res);
    if (path.startsWith('/trpc/')) return trpc(req, res);
    if (web) return web(req, res, () => notFound(res));
    return noWebBuild(req, res);
  });
}

async function healthz(handle: DbHandle, res: ServerResponse) {
  const ok = await ping(handle.db);
  res.writeHead(ok ? 200 : 503, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify({ status: ok ? 'ok' : 'database unavailable', database: handle.driver }));
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}

function noWebBuild(_req: IncomingMessage, res: ServerResponse) {
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('The web app is not built: run `npm run build` first.');
}
