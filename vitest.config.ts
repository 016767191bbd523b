import { defineConfig } from 'vitest/config';
import summaryReporter from './test/summary-reporter.ts';

// One suite, several projects: pure unit tests once, integration tests on each engine, browser journeys.
const integration = ['src/**/*.int.test.{ts,tsx}', 'test/**/*.int.test.ts'];

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'hono/jsx' } },
  test: {
    reporters: ['default', summaryReporter],
    env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
          exclude: integration,
        },
      },
      {
        extends: true,
        test: { name: 'sqlite', include: integration, env: { TEST_ENGINE: 'sqlite' }, testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: integration,
          env: { TEST_ENGINE: 'postgres' },
          globalSetup: ['./test/postgres-global-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
