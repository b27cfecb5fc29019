import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/**
 * Runs a command of the built CLI inside a fresh Node and lists the heavy libraries that got loaded: a command that
 * needs no xlsx, zip or PostgreSQL must not pay for them at start (cli/main.ts loads each command on use,
 * core/files/exceljs-on-use.ts loads exceljs on use).
 */
function librariesLoadedBy(args: string[]): string[] {
  const script = `
    import { createRequire } from 'node:module';
    const { main } = await import(${JSON.stringify(MAIN)});
    const io = { out() {}, err() {}, env: { KA_SETTLE_LANG: 'en' } };
    await main(${JSON.stringify(args)}, io);
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    const heavy = ['exceljs', 'jszip', 'archiver', 'pg', '@electric-sql/pglite'];
    console.log(JSON.stringify(heavy.filter((h) => loaded.some((p) => p.includes('/node_modules/' + h + '/')))));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as string[];
}

describe('the command starts light', () => {
  it('loads no xlsx, zip or PostgreSQL library for a command that needs none', () => {
    expect(librariesLoadedBy(['show', '/nonexistent/book.kasettle'])).toEqual([]);
    expect(librariesLoadedBy(['help'])).toEqual([]);
  });

  it('still has those libraries when a command needs them (the check above can fail)', () => {
    // `hq` loads PostgreSQL's client before reading its arguments; a bad sub-command then stops it.
    expect(librariesLoadedBy(['hq', 'frobnicate'])).toContain('pg');
  });
});
