import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // one reconciled demo book per run, copied wherever a test asks for the demo (test/global-setup.ts)
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/plain-summary-reporter.ts'],
    // better-sqlite3 is a native module: separate processes keep each test file's books apart.
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: a single worker on the 2 cores of CI, where the suite took
    // 18 minutes. Much of a test's time is waiting on a process it started (the CLI, Chromium, LibreOffice), so two
    // files at once on two cores finish in about 10 minutes, with the same timeouts (measured 2026-12-03: 1,070 s → 610 s).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // On CI (a machine of its own, CI=true from .ci/run) a test has a minute, so slowness fails there. A developer's
    // machine shared with other work runs a demo book's month end several times slower, and a test must not fail
    // for that: three minutes. Speed itself is measured in bench/, never by a timeout.
    testTimeout: process.env.CI ? 60_000 : 180_000,
    hookTimeout: process.env.CI ? 60_000 : 180_000,
  },
});
