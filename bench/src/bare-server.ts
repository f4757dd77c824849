import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { recordSavePath, saveDirectly, type DirectClient } from './direct-save';

/**
 * The least a Node HTTP server can do per save: node:http and node-postgres, no framework, the
 * same statements as the app's save path (recorded from @pm/db, as for the direct saves) through a
 * pool of the same size. It answers `POST /trpc/values.save` with the body the bench's clients
 * send and the answer they read, for the officials it is given, without checks or a cookie (it
 * runs each official's recorded session lookup). Run beside the app in the same run, it shows
 * what any Node server in front of PostgreSQL costs on this machine: the ceiling for the app.
 *
 * Started as its own process (`startBareServer`), as the app's server is.
 */

interface Saved {
  clients: [DirectClient, [number, number][]][];
}

const self = fileURLToPath(import.meta.url);

/** The bare server on `port` for `clients`; resolves once it listens, with the rows its recording wrote. */
export async function startBareServer(
  databaseUrl: string,
  port: number,
  clients: readonly DirectClient[],
  poolSize: number,
  /** Indicators its recording of the save path writes (none of the saves' own). */
  recordSeqs: readonly [number, number],
): Promise<{ process: ChildProcess; written: number[] }> {
  const file = join(tmpdir(), `pm-bench-bare-${process.pid}.json`);
  const saved: Saved = { clients: clients.map((c) => [c, [...c.indicatorIds]]) };
  writeFileSync(file, JSON.stringify(saved));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      self,
      databaseUrl,
      String(port),
      file,
      String(poolSize),
      recordSeqs.join(','),
    ],
    { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const written = await new Promise<number[]>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('ready '));
      if (line) resolve(JSON.parse(line.slice('ready '.length)) as number[]);
    });
    child.on('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
  }).finally(() => rmSync(file, { force: true }));
  return { process: child, written };
}

async function serve(argv: string[]) {
  const [url, port, file, poolSize, seqs] = argv as [string, string, string, string, string];
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
  const clients = saved.clients.map(([c, ids]) => ({ ...c, indicatorIds: new Map(ids) }));
  const byDistrict = new Map(clients.map((c) => [c.district, c]));
  const [a, b] = seqs.split(',').map(Number) as [number, number];
  const path = await recordSavePath(url, clients[clients.length - 1]!, [a, b]);
  const pool = new pg.Pool({ connectionString: url, max: Number(poolSize) });
  await Promise.all(
    Array.from({ length: Number(poolSize) }, async () => (await pool.connect()).release()),
  );
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString()) as {
            district: string;
            seq: number;
            value: number;
          };
          const client = byDistrict.get(body.district);
          if (!client) throw new Error(`no official of ${body.district}`);
          const { id, version } = await saveDirectly(pool, path, client, body.seq, body.value);
          const answer = JSON.stringify({ result: { data: { value: { id, version } } } });
          res.writeHead(200, {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(answer),
          });
          res.end(answer);
        } catch (error) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        }
      })();
    });
  });
  server.listen(Number(port), '127.0.0.1', () => {
    process.stdout.write(`ready ${JSON.stringify(path.written)}\n`);
  });
  process.on('SIGTERM', () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}

if (process.argv[1] === self) void serve(process.argv.slice(2));
