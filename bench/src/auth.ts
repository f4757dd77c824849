import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_OFFICIALS, BENCH_PASSWORD, benchOfficial, syntheticCode } from './generate';
import { startServer, stats, waitHealthy } from './http';
import { wholeOption } from './options';

const results = new URL('../results/', import.meta.url);

interface Answer {
  status: number;
  text: string;
  ms: number;
  /** The session cookie the answer set, if any. */
  cookie: string;
}

/**
 * One request from the loopback address `from` (any of 127.0.0.0/8 is this machine, so each
 * attacker address is a real client address to the server, no proxy header needed).
 */
function send(
  base: string,
  path: string,
  { from, body, cookie }: { from: string; body?: string; cookie?: string },
): Promise<Answer> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method: body === undefined ? 'GET' : 'POST',
        localAddress: from,
        headers: {
          'accept-encoding': 'br, gzip',
          ...(body !== undefined && {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          }),
          ...(cookie && { cookie }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: res.headers['content-encoding'] ? '' : Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - start,
            cookie: (res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '',
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const official = (n: number) => benchOfficial(syntheticCode(n));
const signInBody = (username: string, password: string) => JSON.stringify({ username, password });

/** Failed password checks recorded since the run began: each is one scrypt the server did. */
async function checked(db: pg.Client, username?: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from auth_events
     where kind = 'sign_in_failed' and ($1::text is null or username = $1)`,
    [username ?? null],
  );
  return rows[0]?.n ?? 0;
}

/** How the attempts were answered: 401 checked and wrong, 429 refused (and why), other. */
function outcomes(answers: Answer[]) {
  const count = (test: (a: Answer) => boolean) => answers.filter(test).length;
  return {
    wrong: count((a) => a.status === 401),
    throttled: count((a) => a.status === 429 && !a.text.includes('auth.busy')),
    busy: count((a) => a.text.includes('auth.busy')),
    refusedBatch: count((a) => a.status === 400),
    signedIn: count((a) => a.status === 200),
    other: count((a) => ![200, 400, 401, 429].includes(a.status)),
  };
}

/**
 * Sign-in attacks against a built server on loopback, before and after the throttle: (a) 40
 * parallel wrong passwords for one account from one address, and one batched request of 400
 * sign-ins: how many passwords were checked; (b) the league's latency for a signed-in leader
 * while attackers at many addresses try passwords.
 */
export async function runAuth(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'database-url': { type: 'string' },
      port: { type: 'string', default: '3998' },
      server: { type: 'string' },
      label: { type: 'string', default: 'current' },
      parallel: { type: 'string', default: '40' },
      batch: { type: 'string', default: '400' },
      addresses: { type: 'string', default: '60' },
      'per-address': { type: 'string', default: '4' },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error(
      'give --database-url (a PostgreSQL database filled by `npm run bench -- generate`)',
    );
  const port = wholeOption(values.port, '--port', 1, 65_535);
  const parallel = wholeOption(values.parallel, '--parallel', 1, 1_000);
  const batch = wholeOption(values.batch, '--batch', 2, 1_000);
  const addresses = wholeOption(values.addresses, '--addresses', 1, 250);
  const perAddress = wholeOption(values['per-address'], '--per-address', 1, 100);
  const base = `http://127.0.0.1:${port}`;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`delete from auth_events`);
  await db.query(`delete from sign_in_throttle`);
  const server = startServer(databaseUrl, port, { main: values.server });
  try {
    await waitHealthy(base);

    // (a) One account, one address, 40 wrong passwords at once; then one batch of 400.
    const target = official(0);
    let started = performance.now();
    const burst = await Promise.all(
      Array.from({ length: parallel }, (_, i) =>
        send(base, '/trpc/auth.signIn', {
          from: '127.0.0.2',
          body: signInBody(target, `wrong-${i}`),
        }),
      ),
    );
    const burstMs = performance.now() - started;
    const batchTarget = official(1);
    const inputs = Object.fromEntries(
      Array.from({ length: batch }, (_, i) => [i, { username: batchTarget, password: `w${i}` }]),
    );
    started = performance.now();
    const batched = await send(
      base,
      `/trpc/${Array(batch).fill('auth.signIn').join(',')}?batch=1`,
      { from: '127.0.0.3', body: JSON.stringify(inputs) },
    );
    const batchMs = performance.now() - started;
    const batchAnswers = batched.status === 200 || batched.text.startsWith('[') ? batched : null;

    // (b) The league for a leader, quiet and then during an attack from many addresses.
    const signedIn = await send(base, '/trpc/auth.signIn', {
      from: '127.0.0.9',
      body: signInBody('bench-leader', BENCH_PASSWORD),
    });
    if (signedIn.status !== 200) throw new Error(`leader sign-in: ${signedIn.status}`);
    const leader = signedIn.cookie;
    const league = async () => {
      const a = await send(base, '/trpc/scorecard.league?input=%7B%7D', {
        from: '127.0.0.9',
        cookie: leader,
      });
      if (a.status !== 200) throw new Error(`league: ${a.status}`);
      return a.ms;
    };
    for (let i = 0; i < 3; i++) await league();
    const quiet: number[] = [];
    for (let i = 0; i < 10; i++) quiet.push(await league());

    const checkedBefore = await checked(db);
    let attacking = true;
    started = performance.now();
    const attack = Promise.all(
      Array.from({ length: addresses }, async (_, a) => {
        const answers: Answer[] = [];
        for (let j = 0; j < perAddress; j++) {
          const victim = official(2 + ((a * perAddress + j) % (BENCH_OFFICIALS - 2)));
          answers.push(
            await send(base, '/trpc/auth.signIn', {
              from: `127.0.1.${a + 1}`,
              body: signInBody(victim, `guess-${a}-${j}`),
            }),
          );
        }
        return answers;
      }),
    ).then((all) => {
      attacking = false;
      return all.flat();
    });
    const during: number[] = [];
    while (attacking) during.push(await league());
    const attackAnswers = await attack;
    const attackMs = performance.now() - started;

    const result = {
      name: 'auth',
      label: values.label,
      date: new Date().toISOString(),
      node: process.version,
      parallelWrong: {
        attempts: parallel,
        passwordsChecked: await checked(db, target),
        ms: Math.round(burstMs),
        ...outcomes(burst),
      },
      batchedSignIn: {
        calls: batch,
        status: batched.status,
        answered: batchAnswers ? 'per call' : batched.text.slice(0, 120),
        passwordsChecked: await checked(db, batchTarget),
        ms: Math.round(batchMs),
      },
      league: {
        quiet: stats(quiet),
        duringAttack: stats(during),
      },
      attack: {
        addresses,
        attempts: addresses * perAddress,
        passwordsChecked: (await checked(db)) - checkedBefore,
        ms: Math.round(attackMs),
        ...outcomes(attackAnswers),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync(results, { recursive: true });
    writeFileSync(
      new URL(`auth-${values.label}.json`, results),
      `${JSON.stringify(result, null, 2)}\n`,
    );
  } finally {
    server.kill('SIGTERM');
    await db.end();
  }
}
