import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyTRPCRouter, inferRouterContext, TRPCError } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import {
  getErrorShape,
  getHTTPStatusCode,
  getProcedureAtPath,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  isObject,
  isPromise,
  transformTRPCResponse,
  TRPCError as TRPCErrorClass,
  type AnyProcedure,
  type TRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TrpcHandlerOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  /** Where the API is mounted, with its slashes: "/trpc/". */
  basePath: string;
  /** The largest request body read, in bytes; a larger one is refused (413). */
  maxBodySize: number;
  createContext: (
    req: IncomingMessage,
    res: ServerResponse,
  ) => Promise<inferRouterContext<TRouter>>;
  onError?: (opts: { error: TRPCError; path: string | undefined }) => void;
  /** Answers what this handler leaves to tRPC's own (tests count on it). */
  fallback?: Handler;
}

/** One call of a request this handler answers itself. */
interface Call {
  path: string;
  procedure: AnyProcedure;
}

type Outcome = { ok: true; data: unknown } | { ok: false; error: TRPCError };

interface Plan {
  params: URLSearchParams;
  batch: boolean;
  calls: Call[];
  type: 'query' | 'mutation';
}

/**
 * tRPC's HTTP protocol for the requests the app makes: queries by GET and mutations by POST, one
 * or a batch, JSON in and out. tRPC v11's own node adapter turns every request into a WHATWG
 * Request (headers, an AbortController, a body stream) and its answer into a Response read back as
 * a stream; measured on the save path (`npm run bench -- http`), that was a third of the server's
 * CPU per request. This answers from the IncomingMessage itself, through the same procedures, the
 * same error shapes (`getErrorShape`, the router's formatter), status codes (`getHTTPStatusCode`,
 * 207 for a mixed batch) and headers, with a Content-Length.
 *
 * Everything else goes to tRPC's handler unchanged: subscriptions, streamed batches (jsonl), a
 * procedure that does not exist or is asked by the wrong method, a body that is not JSON or not
 * of the declared length, form data, HEAD. `trpc-handler.test.ts` checks that both answer alike.
 */
export function createTrpcHandler<TRouter extends AnyTRPCRouter>(
  opts: TrpcHandlerOptions<TRouter>,
): Handler {
  const { router, basePath, maxBodySize, createContext, onError } = opts;
  const config = router._def._config;
  const fallback =
    opts.fallback ??
    createHTTPHandler({
      router,
      basePath,
      maxBodySize,
      createContext: ({ req, res }) => createContext(req, res),
      onError: ({ error, path }) => onError?.({ error, path }),
    });

  return (req, res) => {
    void planOf(req)
      .then(async (plan) => {
        if (!plan) return fallback(req, res);
        const inputs = await readInputs(req, plan);
        if (!inputs) return fallback(req, res);
        await answer(req, res, plan, inputs);
      })
      .catch((cause: unknown) => {
        // A fault of this handler itself, not of a procedure (those are answered as errors).
        const error = getTRPCErrorFromUnknown(cause);
        onError?.({ error, path: undefined });
        // No answer to a client that has gone, or after one has begun.
        if (res.headersSent || req.destroyed) return void res.destroy();
        const shape = getErrorShape({
          config,
          error,
          type: 'unknown',
          path: undefined,
          input: undefined,
          ctx: undefined,
        });
        send(res, shape.data.httpStatus, { error: shape });
      });
  };

  /** The calls of a request this handler answers, or null for tRPC's. */
  async function planOf(req: IncomingMessage): Promise<Plan | null> {
    const type = req.method === 'GET' ? 'query' : req.method === 'POST' ? 'mutation' : null;
    if (!type) return null;
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const pathname = q < 0 ? url : url.slice(0, q);
    if (!pathname.startsWith(basePath)) return null;
    const params = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
    if (params.has('connectionParams')) return null;
    const accept = req.headers['trpc-accept'] ?? req.headers.accept ?? '';
    if (String(accept).includes('application/jsonl')) return null;
    // A query may come without a body type; anything but JSON (form data, octets) is tRPC's.
    const contentType = contentTypeOf(req);
    if (contentType !== 'application/json' && (type === 'mutation' || contentType !== null))
      return null;
    let path: string;
    try {
      path = decodeURIComponent(pathname.slice(basePath.length));
    } catch {
      return null;
    }
    const batch = params.get('batch') === '1';
    const paths = batch ? path.split(',') : [path];
    const calls: Call[] = [];
    for (const p of paths) {
      const procedure = (await getProcedureAtPath(router, p)) as AnyProcedure | null;
      if (!procedure || procedure._def.type !== type) return null;
      calls.push({ path: p, procedure });
    }
    return { params, batch, calls, type };
  }

  /** Each call's input by index, as tRPC reads them; null when tRPC should answer. */
  async function readInputs(
    req: IncomingMessage,
    plan: Plan,
  ): Promise<Record<number, unknown> | null> {
    let raw: unknown;
    // tRPC's handler takes a body already read from `req.body`, and answers for it.
    const leave = (body: string | null) => {
      if (body !== null) (req as IncomingMessage & { body?: string }).body = body;
      return null;
    };
    const body = plan.type === 'mutation' ? await readBody(req, maxBodySize) : null;
    if (plan.type === 'query') {
      const text = plan.params.get('input');
      if (text) {
        const parsed = parseJson(text);
        if (!parsed.ok) return null;
        raw = parsed.value;
      }
    } else {
      if (body === null) return null;
      const parsed = parseJson(body);
      if (!parsed.ok) return leave(body);
      raw = parsed.value;
    }
    const deserialize = (v: unknown) => config.transformer.input.deserialize(v) as unknown;
    const inputs: Record<number, unknown> = {};
    if (raw === undefined) return inputs;
    if (!plan.batch) {
      inputs[0] = deserialize(raw);
      return inputs;
    }
    if (!isObject(raw)) return leave(body);
    plan.calls.forEach((_, i) => {
      const input = raw[i];
      if (input !== undefined) inputs[i] = deserialize(input);
    });
    return inputs;
  }

  async function answer(
    req: IncomingMessage,
    res: ServerResponse,
    { batch, calls, type }: Plan,
    inputs: Record<number, unknown>,
  ) {
    let ctx: inferRouterContext<TRouter> | undefined;
    let ctxError: TRPCError | null = null;
    try {
      ctx = await createContext(req, res);
    } catch (cause) {
      ctxError = getTRPCErrorFromUnknown(cause);
    }
    // As tRPC's: an error names the input only if some call of the request read the inputs.
    let read = false;
    const outcomes = await Promise.all(
      calls.map(async ({ path, procedure }, index): Promise<Outcome> => {
        try {
          if (ctxError) throw ctxError;
          const data: unknown = await procedure({
            path,
            getRawInput: async () => {
              read = true;
              return inputs[index];
            },
            ctx,
            type,
            signal: undefined,
            batchIndex: index,
          });
          return { ok: true, data };
        } catch (cause) {
          const error = getTRPCErrorFromUnknown(cause);
          onError?.({ error, path });
          return { ok: false, error };
        }
      }),
    );
    const shape = (error: TRPCError, path: string | undefined, index: number | null) =>
      getErrorShape({
        config,
        error,
        type,
        path,
        input: read && index !== null ? inputs[index] : undefined,
        ctx,
      });
    if (!batch) {
      const outcome = outcomes[0]!;
      if (outcome.ok && isDataStream(outcome.data)) {
        // tRPC refuses it as a fault of the whole request, not of the call.
        const error = streamRefused();
        onError?.({ error, path: undefined });
        return send(res, getHTTPStatusCode({ error: shape(error, undefined, null) }), {
          error: shape(error, undefined, null),
        });
      }
      const body: TRPCResponse = outcome.ok
        ? { result: { data: outcome.data } }
        : { error: shape(outcome.error, calls[0]!.path, 0) };
      return send(res, getHTTPStatusCode([body]), body);
    }
    const results = outcomes.map((outcome, i): TRPCResponse => {
      if (!outcome.ok) return { error: shape(outcome.error, calls[i]!.path, i) };
      if (isDataStream(outcome.data)) return { error: shape(streamRefused(), calls[i]!.path, i) };
      return { result: { data: outcome.data } };
    });
    send(res, getHTTPStatusCode(results), results);
  }

  function send(res: ServerResponse, status: number, body: TRPCResponse | TRPCResponse[]) {
    const text = JSON.stringify(transformTRPCResponse(config, body));
    // As tRPC's: a status set before (none is, here) stands.
    if (res.statusCode === 200) res.statusCode = status;
    res.setHeader('vary', 'trpc-accept, accept');
    res.setHeader('content-type', 'application/json');
    res.setHeader('content-length', Buffer.byteLength(text));
    res.end(text);
  }
}

/** The media type of the request's body, lower case, without parameters; null without one. */
function contentTypeOf(req: IncomingMessage): string | null {
  const header = req.headers['content-type'];
  if (header === undefined) return null;
  return header.split(';', 1)[0]!.trim().toLowerCase();
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The body as text when it declares its length and that is at most `max`; null otherwise (tRPC
 * reads a chunked body, and refuses one too large, itself).
 */
function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  const length = Number(req.headers['content-length']);
  if (req.headers['content-length'] === undefined || !Number.isSafeInteger(length) || length > max)
    return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let ended = false;
    // A client gone before its body is all here: no answer is owed, and nothing stays waiting.
    const gone = () =>
      reject(
        new TRPCErrorClass({
          code: 'CLIENT_CLOSED_REQUEST',
          message: 'the client closed the connection before sending the whole request',
        }),
      );
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      ended = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', gone);
    req.on('close', () => {
      if (!ended) gone();
    });
  });
}

const streamRefused = () =>
  new TRPCErrorClass({
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
  });

/** As tRPC's: an answer that is, or holds, a promise or an async iterable cannot be sent as JSON. */
function isDataStream(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (isAsyncIterable(v)) return true;
  const values = Object.values(v);
  return values.some(isPromise) || values.some(isAsyncIterable);
}
