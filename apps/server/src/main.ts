import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './config';
import { createLog } from './log';
import { defaultWebDir, openDatabase } from './app';
import { createHttpServer } from './http';
import { DbOpenError } from '@pm/db';

async function main() {
  const config = loadConfig();
  const log = createLog(config.logLevel);
  const handle = await openDatabase(config, log);
  const server = createHttpServer({ handle, log, webDir: defaultWebDir });

  server.on('error', async (error: NodeJS.ErrnoException) => {
    const why =
      error.code === 'EADDRINUSE' ? `port ${config.port} is already in use` : error.message;
    console.error(`PORT: ${why}`);
    await handle.close();
    process.exit(1);
  });
  server.listen(config.port, () => {
    const { port } = server.address() as AddressInfo;
    log.info({ port }, `listening on http://localhost:${port}`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    server.close();
    server.closeIdleConnections();
    await handle.close();
    clearTimeout(force);
    log.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DbOpenError) {
    const setting = error instanceof DbOpenError ? `${error.setting}: ` : '';
    console.error(`Plan Monitor cannot start. ${setting}${error.message}`);
  } else {
    console.error('Plan Monitor cannot start:', error);
  }
  process.exit(1);
});
