import { defineConfig } from 'vitest/config';

// The property tests run thousands of cases: on a busy 2-core machine they need more than 5 s.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 } });
