import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.PORT ?? 3100);
// Every run starts the built server on a new, empty data folder.
const dataDir = process.env.PM_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'pm-e2e-'));

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
    env: { PORT: String(port), PM_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
