import { defineConfig } from 'vitest/config';

// Reading Word and PDF files (and making them) is slow on a busy 2-core machine.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 60_000 } });
