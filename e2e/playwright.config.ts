import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/** A port nothing listens on now, asked of the system (synchronously: the config is not async). */
function freePort(): string {
  const listen = `const s = require('node:net').createServer().listen(0, '127.0.0.1', () => {
    process.stdout.write(String(s.address().port)); s.close(); });`;
  return execFileSync(process.execPath, ['-e', listen], { encoding: 'utf8' });
}

function configuredPort(value: string): string {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535) {
    throw new Error(`PM_E2E_PORT must be a port number from 1 to 65535, got "${value}"`);
  }
  return value;
}

// Chosen once, in the runner; its workers inherit the environment and so read the same values.
process.env.PM_E2E_PORT = process.env.PM_E2E_PORT
  ? configuredPort(process.env.PM_E2E_PORT)
  : freePort();
// Every run starts the built server on a new, empty data folder.
process.env.PM_E2E_DATA_DIR ||= mkdtempSync(join(tmpdir(), 'pm-e2e-'));
const port = Number(process.env.PM_E2E_PORT);

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node ../apps/server/dist/main.js',
    url: `http://127.0.0.1:${port}/healthz`,
    env: {
      PORT: String(port),
      PM_DATA_DIR: process.env.PM_E2E_DATA_DIR,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      // The demo's figures run to 2025 and the pages open at the reporting year: fixed, not today's.
      REPORTING_YEAR: '2025',
    },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
