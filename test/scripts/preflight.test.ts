import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PREFLIGHT = fileURLToPath(new URL('../../scripts/preflight.mjs', import.meta.url));
const TESTS = fileURLToPath(new URL('../', import.meta.url));
const CI_RUN = fileURLToPath(new URL('../../.ci/run', import.meta.url));

function preflight(env: NodeJS.ProcessEnv, ...args: string[]) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [PREFLIGHT, ...args], { encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr, ms: Date.now() - started };
}

describe('the test preflight', () => {
  it('passes here, where everything the tests need is installed', () => {
    expect(preflight(process.env)).toMatchObject({ code: 0, err: '' });
  });

  it('stops in its first seconds with one line naming exactly what to install on a machine without it', () => {
    // A machine with nothing on its PATH and no browser where one usually is (an invented browser path).
    const bare = { PATH: '/nonexistent', KA_SETTLE_BROWSER: '/nonexistent/chromium', HOME: process.env.HOME ?? '/' };
    const r = preflight(bare);
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(10_000);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^npm test needs Chromium \(or Chrome, or Edge\), .*the sqlite3 command.* — on Debian or Ubuntu: sudo apt-get install -y chromium (fonts-noto-cjk )?sqlite3 libreoffice-calc-nogui git /);
  });

  it('gives .ci/run the Debian packages to install, from the same list', () => {
    const packages = preflight(process.env, '--apt-packages').out.trim().split(' ');
    expect(packages).toEqual(expect.arrayContaining(['chromium', 'fonts-noto-cjk', 'sqlite3', 'libreoffice-calc-nogui', 'git']));
    expect(readFileSync(CI_RUN, 'utf8')).toContain('node scripts/preflight.mjs --apt-packages');
  });
});

/** Every test file, to see which programs of the system they run. */
function testFiles(dir = TESTS): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'artifacts' || e.name === 'fixtures' ? [] : testFiles(join(dir, e.name));
    return e.name.endsWith('.ts') ? [join(dir, e.name)] : [];
  });
}

describe('the programs the tests run', () => {
  it('are the ones the preflight checks: PDF text is read by PDF.js, and poppler only makes pictures where it is installed', () => {
    const run = /\b(?:execFileSync|spawnSync|execFile|spawn|execSync)\(\s*'([^']+)'/g;
    const programs = new Map<string, string[]>();
    for (const file of testFiles()) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(run)) programs.set(m[1]!, [...(programs.get(m[1]!) ?? []), file]);
      if (/execFileSync\(\s*'pdftoppm'/.test(text)) expect(text, `${file} runs pdftoppm without asking whether it is there`).toMatch(/spawnSync\(\s*'pdftoppm',\s*\['-v'\]\)\.status === 0/);
    }
    expect(programs.size).toBeGreaterThan(0);
    const checked = new Set(['git', 'soffice', 'pdftoppm']);
    for (const [program, files] of programs) expect(checked.has(program), `${program} (run by ${files.join(', ')}) is not in scripts/test-requirements.mjs`).toBe(true);
    expect(programs.has('pdftotext')).toBe(false);
    expect(programs.has('pdfinfo')).toBe(false);
  });
});
