import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // one reconciled demo book per run, copied wherever a test asks for the demo (test/global-setup.ts)
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/plain-summary-reporter.ts'],
    // better-sqlite3 is a native module: separate processes keep each test file's books apart.
    pool: 'forks',
    // On CI (a machine of its own, CI=true from .ci/run) a test has a minute, so slowness fails there. A developer's
    // machine shared with other work runs a demo book's month end several times slower, and a test must not fail
    // for that: three minutes. Speed itself is measured in bench/, never by a timeout.
    testTimeout: process.env.CI ? 60_000 : 180_000,
    hookTimeout: process.env.CI ? 60_000 : 180_000,
  },
});
