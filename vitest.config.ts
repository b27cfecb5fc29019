import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/plain-summary-reporter.ts'],
    // better-sqlite3 is a native module: separate processes keep each test file's books apart.
    pool: 'forks',
    // Correctness, not speed (speed is measured in bench/): a 2-core machine shared with other work runs a demo
    // book's month end several times slower than an idle one, and a test must not fail for that.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
