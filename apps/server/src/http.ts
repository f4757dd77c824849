import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { constants as zlib } from 'node:zlib';
import compression from 'compression';
import sirv from 'sirv';
import { appRouter, createRequestContext, errorIdOf, proxyTrust } from '@pm/api';
import { MAX_BATCH_PROCEDURES } from '@pm/core';
import { ping, type DbHandle } from '@pm/db';
import type { Log } from './log';
import { createTrpcHandler } from './trpc-handler';

export interface HttpOptions {
  handle: DbHandle;
  /** A read replica of the primary (DATABASE_REPLICA_URL) for the league and the scorecards. */
  replica?: DbHandle | null;
  log: Log;
  /** The built web app; when missing, `/` says how to build it. */
  webDir: string | null;
  /** A session unused this long ends (SESSION_IDLE_MINUTES); the API's default when not given. */
  sessionIdleMinutes?: number;
  /** The reverse proxies whose X-Forwarded-For and -Proto are believed (TRUST_PROXY); none when not given. */
  trustProxy?: readonly string[];
  /** The year whose figures are being reported (REPORTING_YEAR); the year before today's when not given. */
  reportingYear?: number;
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Queries' answers, compressed for clients that accept it: the league table of 3,000 districts is
 * 1.8 MB, ~60 KB compressed, in ~7 ms. Mutations' answers (a saved figure) are small and stay as
 * they are: tRPC sends no Content-Length, so a size threshold cannot tell. Brotli at quality 2
 * costs about what gzip does (quality 4, the default, costs 4× more for little). `compression` is
 * connect-style middleware for node:http; its types are Express's.
 */
const compress = compression({
  filter: (req, res) => req.method === 'GET' && compression.filter(req, res),
  brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 2 } },
}) as unknown as Middleware;

/** One server: the API under /trpc, /healthz, and the web app with client-side routes. */
export function createHttpServer({
  handle,
  replica = null,
  log,
  webDir,
  sessionIdleMinutes,
  trustProxy = [],
  reportingYear,
}: HttpOptions): Server {
  const proxies = proxyTrust(trustProxy);
  const trpc = createTrpcHandler({
    router: appRouter,
    basePath: '/trpc/',
    // The largest request is a workbook upload (base64 of at most 7 MB); refuse more before reading it all.
    maxBodySize: 12 * 1024 * 1024,
    createContext: (req, res) =>
      createRequestContext(
        {
          db: handle.db,
          ...(replica ? { readDb: replica.db } : {}),
          log,
          idleMinutes: sessionIdleMinutes,
          trustProxy: proxies,
          reportingYear,
        },
        req,
        res,
      ),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        const cause = error.cause ?? error;
        log.error({ errorId: errorIdOf(cause), path, err: cause }, 'procedure failed');
      }
    },
  });
  const web =
    webDir && existsSync(webDir)
      ? sirv(webDir, { single: true, gzip: true, etag: true, setHeaders: cacheHeaders })
      : null;

  return createServer((req, res) => {
    const started = performance.now();
    setSecurityHeaders(res);
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
    if (path === '/healthz') return void healthz(handle, replica, res);
    if (path.startsWith('/trpc/')) {
      // Answers carry people's data and depend on who asks: no browser or proxy keeps them.
      res.setHeader('Cache-Control', 'no-store');
      const refusal = crossSiteRefusal(req);
      if (refusal) return void refuse(res, refusal);
      const badBatch = batchRefusal(req);
      if (badBatch) return void refuse(res, badBatch, 400);
      // Only queries' answers are compressed (see `compress`): a mutation skips the middleware.
      return req.method === 'GET' ? compress(req, res, () => trpc(req, res)) : trpc(req, res);
    }
    // Source maps would publish the source; the build makes none, and none is served.
    if (path.endsWith('.map')) return notFound(res);
    if (web) return web(req, res, () => notFound(res));
    return noWebBuild(req, res);
  });
}

/** 200 while the primary (and the replica, when there is one) answers; 503 naming which does not. */
async function healthz(handle: DbHandle, replica: DbHandle | null, res: ServerResponse) {
  const [primary, read] = await Promise.all([
    ping(handle.db),
    replica ? ping(replica.db) : Promise.resolve(true),
  ]);
  const ok = primary && read;
  res.writeHead(ok ? 200 : 503, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
  });
  const status = ok ? 'ok' : !primary ? 'database unavailable' : 'replica unavailable';
  res.end(
    JSON.stringify({
      status,
      database: handle.driver,
      ...(replica ? { replica: read ? 'ok' : 'unavailable' } : {}),
    }),
  );
}

/**
 * Vite names every file under /assets by its content, so a browser may keep one for a year;
 * index.html (also the answer for client-side routes) is revalidated on every load so that a new
 * build is picked up at once.
 */
function cacheHeaders(res: ServerResponse, pathname: string) {
  res.setHeader(
    'Cache-Control',
    pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}

function noWebBuild(_req: IncomingMessage, res: ServerResponse) {
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('The web app is not built: run `npm run build` first.');
}

/** The content security policy the built app passes: everything from this origin, nothing inline but styles. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function setSecurityHeaders(res: ServerResponse) {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

/**
 * Mutations are POSTs; a cross-site page could send one with the session cookie only if the
 * browser let it, and SameSite=Strict already does not. Belt and braces: a POST must be JSON
 * (a plain HTML form cannot send that without a preflight) and, when the browser names its
 * origin, come from this host.
 */
function crossSiteRefusal(req: IncomingMessage): string | null {
  if (req.method !== 'POST') return null;
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) return 'a POST to the API must be application/json';
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return 'bad Origin header';
    }
    if (host !== req.headers.host) return `cross-site request from ${origin} refused`;
  } else if (origin === 'null') {
    return 'cross-site request refused';
  }
  return null;
}

/** Procedures that check a password: each call must be a request of its own, counted and throttled. */
const UNBATCHED = new Set(['auth.signIn', 'auth.changePassword']);

/**
 * A batch (`/trpc/a,b,c?batch=1`) of more than MAX_BATCH_PROCEDURES, or one that checks a
 * password: one request must not be 400 sign-ins. The path is decoded as tRPC decodes it.
 */
function batchRefusal(req: IncomingMessage): string | null {
  let url: URL;
  let procedures: string[];
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
    procedures = decodeURIComponent(url.pathname.slice('/trpc/'.length)).split(',');
  } catch {
    return null; // tRPC answers a URL it cannot read itself
  }
  if (url.searchParams.get('batch') !== '1') return null;
  if (procedures.length > MAX_BATCH_PROCEDURES)
    return `a batch may call at most ${MAX_BATCH_PROCEDURES} procedures; this one calls ${procedures.length}`;
  const alone = procedures.find((p) => UNBATCHED.has(p));
  if (alone && procedures.length > 1) return `${alone} must be sent alone, not in a batch`;
  return null;
}

function refuse(res: ServerResponse, message: string, status: 400 | 403 = 403) {
  const code = status === 400 ? 'BAD_REQUEST' : 'FORBIDDEN';
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message, data: { code, httpStatus: status } } }));
}
