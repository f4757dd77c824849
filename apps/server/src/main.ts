import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, type Config } from './config';
import { createLog } from './log';
import { defaultWebDir, openDatabase, openReplica } from './app';
import { createHttpServer } from './http';
import { scheduleAuthPruning } from './retention';
import { DbOpenError } from '@pm/db';

async function main() {
  const config = loadConfig();
  const log = createLog(config.logLevel);
  const handle = await openDatabase(config, log);
  const replica = await openReplica(config, log).catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  const server = createHttpServer({
    handle,
    replica,
    log,
    webDir: defaultWebDir,
    sessionIdleMinutes: config.sessionIdleMinutes,
    trustProxy: config.trustProxy,
    reportingYear: config.reportingYear,
  });
  const stopPruning = scheduleAuthPruning(handle.db, config, log);

  server.on('error', async (error: NodeJS.ErrnoException) => {
    stopPruning();
    console.error(`Plan Monitor cannot start. ${listenProblem(error, config)}`);
    await handle.close();
    await replica?.close();
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const { port, address } = server.address() as AddressInfo;
    const shown = !config.host ? 'localhost' : address.includes(':') ? `[${address}]` : address;
    log.info({ host: address, port }, `listening on http://${shown}:${port}`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    stopPruning();
    server.close();
    server.closeIdleConnections();
    await handle.close();
    await replica?.close();
    clearTimeout(force);
    log.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Why the server could not listen, naming the setting to change. */
function listenProblem(error: NodeJS.ErrnoException, config: Config): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `PORT: port ${config.port} is already in use`;
    case 'EACCES':
      return `PORT: port ${config.port} needs privileges this process does not have`;
    case 'EADDRNOTAVAIL':
      return `HOST: ${config.host} is no address of this machine`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST: cannot resolve the host name ${config.host}`;
    default:
      return `${config.host ? 'HOST/PORT' : 'PORT'}: ${error.message}`;
  }
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
