import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { initTRPC, TRPCError } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { createTrpcHandler } from './trpc-handler';

interface Ctx {
  user: string | null;
}

const t = initTRPC.context<Ctx>().create({
  // Everything a formatter may use, so that a difference in what either handler passes shows.
  errorFormatter: ({ shape, error, path, input, ctx, type }) => ({
    ...shape,
    data: {
      ...shape.data,
      stack: undefined,
      path: path ?? null,
      input: input ?? null,
      user: ctx?.user ?? null,
      type,
      cause: error.cause?.message ?? null,
    },
  }),
});

const CODES = ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'TOO_MANY_REQUESTS', 'BAD_REQUEST'] as const;

const router = t.router({
  hello: t.procedure
    .input(z.object({ name: z.string() }).optional())
    .query(({ input, ctx }) => ({ hi: input?.name ?? 'world', user: ctx.user })),
  nothing: t.procedure.query(() => null),
  add: t.procedure
    .input(z.object({ a: z.number(), b: z.number() }))
    .mutation(({ input }) => input.a + input.b),
  fail: t.procedure.input(z.object({ code: z.enum(CODES) })).mutation(({ input }) => {
    throw new TRPCError({ code: input.code, message: `failed with ${input.code}` });
  }),
  crash: t.procedure.query(() => {
    throw new Error('select secret from somewhere');
  }),
  stream: t.procedure.query(() => ({ later: Promise.resolve(1) })),
  nested: t.router({ deep: t.procedure.query(() => 'deep') }),
  ticks: t.procedure.subscription(async function* () {
    yield 1;
  }),
});

const MAX_BODY = 2_000;

async function createContext(req: IncomingMessage, res: ServerResponse): Promise<Ctx> {
  if (req.headers['x-ctx-fail']) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'no ctx' });
  res.appendHeader('set-cookie', 'seen=1');
  const user = req.headers['x-user'];
  return { user: typeof user === 'string' ? user : null };
}

interface Seen {
  errors: string[];
  fallbacks: number;
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const url = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

describe('the tRPC handler answers as tRPC’s own', () => {
  const lean: Seen = { errors: [], fallbacks: 0 };
  const standard: Seen = { errors: [], fallbacks: 0 };
  let leanServer: Server;
  let standardServer: Server;

  const onError =
    (seen: Seen) =>
    ({ error, path }: { error: TRPCError; path: string | undefined }) =>
      seen.errors.push(`${path ?? '-'} ${error.code}`);

  beforeAll(async () => {
    const tRPCs = (seen: Seen) =>
      createHTTPHandler({
        router,
        basePath: '/trpc/',
        maxBodySize: MAX_BODY,
        createContext: ({ req, res }) => createContext(req, res),
        onError: onError(seen),
      });
    const fallback = tRPCs(lean);
    leanServer = await listen(
      createTrpcHandler({
        router,
        basePath: '/trpc/',
        maxBodySize: MAX_BODY,
        createContext,
        onError: onError(lean),
        fallback: (req, res) => {
          lean.fallbacks++;
          fallback(req, res);
        },
      }),
    );
    standardServer = await listen(tRPCs(standard));
  });
  afterAll(async () => {
    for (const s of [leanServer, standardServer]) await new Promise((done) => s.close(done));
  });

  /** The same request to both; what each answered, and whether the lean one left it to tRPC. */
  async function both(path: string, init: RequestInit = {}) {
    const answers = [];
    for (const [server, seen] of [
      [leanServer, lean],
      [standardServer, standard],
    ] as const) {
      seen.errors = [];
      const before = seen.fallbacks;
      const res = await fetch(`${url(server)}${path}`, init);
      const text = await res.text();
      answers.push({
        status: res.status,
        type: res.headers.get('content-type'),
        vary: res.headers.get('vary'),
        cookie: res.headers.get('set-cookie'),
        body: text ? (JSON.parse(text) as unknown) : null,
        errors: seen.errors,
        fellBack: seen.fallbacks > before,
      });
    }
    const [{ fellBack, ...mine }, { fellBack: _, ...theirs }] = answers as [
      (typeof answers)[number],
      (typeof answers)[number],
    ];
    expect(mine).toEqual(theirs);
    return { ...mine, fellBack };
  }

  const get = (path: string, input?: unknown, headers: Record<string, string> = {}) =>
    both(
      `/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
      { headers },
    );
  const getBatch = (paths: string[], inputs: Record<number, unknown>) =>
    both(`/trpc/${paths.join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`);
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    both(`/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  describe('answers itself', () => {
    it('a query, with and without input, and one in a nested router', async () => {
      const a = await get('hello', { name: '裕华' }, { 'x-user': 'leader' });
      expect(a).toMatchObject({ status: 200, fellBack: false, cookie: 'seen=1' });
      expect(a.body).toEqual({ result: { data: { hi: '裕华', user: 'leader' } } });
      expect(await get('hello')).toMatchObject({ status: 200, fellBack: false });
      expect(await get('nothing')).toMatchObject({ body: { result: { data: null } } });
      expect(await get('nested.deep')).toMatchObject({ body: { result: { data: 'deep' } } });
    });

    it('a batch of queries', async () => {
      const a = await getBatch(['hello', 'nothing', 'nested.deep'], { 0: { name: 'x' } });
      expect(a).toMatchObject({ status: 200, fellBack: false });
      expect(a.body).toHaveLength(3);
    });

    it('a mutation, and a batch of them', async () => {
      expect(await post('add', JSON.stringify({ a: 1, b: 2 }))).toMatchObject({
        status: 200,
        fellBack: false,
        body: { result: { data: 3 } },
      });
      const a = await post(
        'add,add?batch=1',
        JSON.stringify({ 0: { a: 1, b: 2 }, 1: { a: 3, b: 4 } }),
      );
      expect(a).toMatchObject({ status: 200, fellBack: false });
    });

    it('errors: invalid input, thrown codes, a crash, a failed context', async () => {
      const invalid = await post('add', JSON.stringify({ a: 'one' }));
      expect(invalid).toMatchObject({ status: 400, fellBack: false, errors: ['add BAD_REQUEST'] });
      for (const code of CODES)
        expect(await post('fail', JSON.stringify({ code }))).toMatchObject({ fellBack: false });
      expect(await get('crash')).toMatchObject({ status: 500, fellBack: false });
      const noCtx = await get('hello', { name: 'x' }, { 'x-ctx-fail': '1' });
      expect(noCtx).toMatchObject({ status: 401, fellBack: false });
    });

    it('a batch with an error among successes is 207, each call its own', async () => {
      const a = await post(
        'add,fail,add?batch=1',
        JSON.stringify({ 0: { a: 1, b: 2 }, 1: { code: 'CONFLICT' }, 2: { a: 1 } }),
      );
      expect(a).toMatchObject({ status: 207, fellBack: false });
      const mixed = await getBatch(['hello', 'crash'], {});
      expect(mixed).toMatchObject({ status: 207, fellBack: false });
    });

    it('an answer holding a promise, refused as tRPC refuses it, alone and in a batch', async () => {
      expect(await get('stream')).toMatchObject({ status: 415, fellBack: false });
      expect(await getBatch(['stream', 'nothing'], {})).toMatchObject({ fellBack: false });
    });
  });

  it('a client gone before its body is all sent leaves nothing waiting', async () => {
    lean.errors = [];
    const { port } = leanServer.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write(
      'POST /trpc/add HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"a":',
    );
    await new Promise((done) => setTimeout(done, 50));
    socket.destroy();
    await expect.poll(() => lean.errors).toEqual(['- CLIENT_CLOSED_REQUEST']);
  });

  describe('leaves the rest to tRPC', () => {
    it('a procedure that is not there, or asked by the wrong method', async () => {
      expect(await get('missing')).toMatchObject({ status: 404, fellBack: true });
      expect(await get('add', { a: 1, b: 2 })).toMatchObject({ status: 405, fellBack: true });
      expect(await post('hello', '{}')).toMatchObject({ status: 405, fellBack: true });
      expect(await getBatch(['hello', 'missing'], {})).toMatchObject({ fellBack: true });
    });

    it('a body that is not JSON, not an object for a batch, too large, or of another type', async () => {
      expect(await post('add', '{"a": 1,')).toMatchObject({ fellBack: true });
      expect(await post('add', '')).toMatchObject({ fellBack: true });
      expect(await post('add,add?batch=1', '5')).toMatchObject({ fellBack: true });
      const large = JSON.stringify({ a: 1, b: 2, pad: 'x'.repeat(MAX_BODY) });
      expect(await post('add', large)).toMatchObject({ status: 413, fellBack: true });
      expect(await post('add', '{}', { 'content-type': 'text/plain' })).toMatchObject({
        status: 415,
        fellBack: true,
      });
      expect(await get('hello', 'not json {')).toMatchObject({ fellBack: false });
      expect(await both('/trpc/hello?input=%7Bbroken')).toMatchObject({ fellBack: true });
    });

    it('subscriptions, streamed batches and HEAD', async () => {
      // Streamed answers (events, jsonl) are not one JSON document: that tRPC gave them is what
      // matters.
      const streamed = async (path: string, headers: Record<string, string>) => {
        const before = lean.fallbacks;
        const res = await fetch(`${url(leanServer)}${path}`, { headers });
        return { status: res.status, text: await res.text(), fellBack: lean.fallbacks > before };
      };
      const events = await streamed('/trpc/ticks', {});
      expect(events).toMatchObject({ status: 200, fellBack: true });
      expect(events.text).toContain('event: connected');
      const jsonl = await streamed('/trpc/hello?batch=1&input=%7B%7D', {
        'trpc-accept': 'application/jsonl',
      });
      expect(jsonl).toMatchObject({ status: 200, fellBack: true });
      expect(jsonl.text).toContain('world');
      expect(await both('/trpc/hello', { method: 'HEAD' })).toMatchObject({
        status: 204,
        fellBack: true,
      });
    });
  });
});
