import { randomBytes } from 'node:crypto';
import { defineConfig } from 'vitest/config';

// One id per run, inherited by every test process (test/support/testEnv.ts).
process.env.ASSAY_TEST_RUN ??= randomBytes(3).toString('hex');

export default defineConfig({
  test: {
    globalSetup: ['test/support/globalSetup.ts'],
    reporters: ['default', './test/support/summaryReporter.ts'],
    // The suite shares one Docker engine and two cores: files run one after another so timing-
    // sensitive tests (time limits, stalled-job recovery) measure the code, not contention.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 900_000,
    projects: [
      // Everything on the embedded default, SQLite.
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'], exclude: ['test/faults/**', '**/node_modules/**'] } },
      // The fault suite (docs/reliability.md): `npm run test:faults`, apart from the default run. The
      // engine-restart case can leave a run waiting forever (issue 17): only with ASSAY_FAULTS_ENGINE=1.
      ...(process.env.ASSAY_FAULTS
        ? [{ extends: true as const, test: { name: 'faults', include: ['test/faults/**/*.test.ts'], exclude: process.env.ASSAY_FAULTS_ENGINE ? [] : ['test/faults/engineRestart.test.ts'] } }]
        : []),
      // The submission pipeline once more on PostgreSQL (the contract suite covers both by itself).
      { extends: true, test: { name: 'postgres', include: ['test/pipeline/**/*.test.ts'], env: { ASSAY_TEST_DATABASE: 'postgres' } } },
    ],
  },
});
