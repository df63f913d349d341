import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/bench/**/*.test.ts'],
          environment: 'node',
          // The code carries keys, not words: tests read the English catalogue as the page does (src/i18n).
          setupFiles: ['test/support/i18n-setup.ts'],
          // The exports' layout tests go through every preset, language and moment (4–12 s each on two busy cores).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          // One browser at a time: the machines have two cores and WebGL is software-rendered.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // The size budget: records a first load of the test build in Chromium (the same build as the e2e
          // project's: one build per run, test/e2e/global-setup.ts).
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
