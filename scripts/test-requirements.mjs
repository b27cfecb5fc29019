// What `npm test` needs on the machine besides Node and `npm ci`: the one list, read by scripts/preflight.mjs (which
// runs first in `npm test` and stops with one line naming what to install) and by .ci/run (which installs the
// Debian packages named here). A test that needs something new from the system adds it here, with why.
//
// Each entry: name (what a person installs), why (which tests need it), apt (the Debian/Ubuntu package), hint
// (other systems), and found() — true when it is there. Checks are quick: the whole preflight takes a second.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function runs(command, args) {
  try {
    execFileSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

function output(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  } catch {
    return '';
  }
}

const browsers = JSON.parse(readFileSync(join(root, 'services/print/browsers.json'), 'utf8')).candidates;

export const REQUIREMENTS = [
  {
    name: 'Chromium (or Chrome, or Edge)',
    why: 'the window’s end-to-end tests and the PDF statements (printed by its print engine)',
    apt: 'chromium',
    hint: 'Ubuntu: snap install chromium, or Google Chrome’s .deb; elsewhere install Chrome or Edge, or set KA_SETTLE_BROWSER to the program',
    found: () => (process.env.KA_SETTLE_BROWSER ? existsSync(process.env.KA_SETTLE_BROWSER) : browsers.some((p) => existsSync(p))),
  },
  {
    name: 'Chinese (CJK) fonts',
    why: 'the statement PDFs and the window’s screenshots show Chinese',
    apt: 'fonts-noto-cjk',
    hint: 'Windows and macOS have them',
    // Only Linux needs them installed; fc-list comes with fontconfig, which the browser brings.
    found: () => process.platform !== 'linux' || output('fc-list', [':lang=zh', 'family']).trim() !== '',
  },
  {
    name: 'the sqlite3 command (SQLite 3.37 or later)',
    why: 'test/db/portable-schema: a book must open in another SQLite than the one ka-settle bundles',
    apt: 'sqlite3',
    hint: 'or set KA_SETTLE_SQLITE3 to an sqlite3 program',
    found: () => runs(process.env.KA_SETTLE_SQLITE3 ?? 'sqlite3', ['-version']),
  },
  {
    name: 'LibreOffice Calc (soffice)',
    why: 'test/core/vouchers/libreoffice: a voucher workbook opened by a real spreadsheet program',
    apt: 'libreoffice-calc-nogui',
    hint: 'install LibreOffice and put soffice on the PATH',
    found: () => runs('soffice', ['--version']),
  },
  {
    name: 'PostgreSQL 15 or later (initdb and pg_ctl)',
    why: 'test/hq and test/cli/hq-command: the head office on a real server (a throwaway cluster on a temporary folder and port)',
    apt: 'postgresql',
    hint: 'or set KA_SETTLE_PG_BIN to the folder holding initdb and pg_ctl',
    found: () => {
      const tools = (bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'));
      if (process.env.KA_SETTLE_PG_BIN) return tools(process.env.KA_SETTLE_PG_BIN);
      const debian = '/usr/lib/postgresql';
      if (existsSync(debian) && readdirSync(debian).some((d) => /^\d+$/.test(d) && Number(d) >= 15 && tools(join(debian, d, 'bin')))) return true;
      const bin = output('pg_config', ['--bindir']).trim();
      return bin !== '' && tools(bin);
    },
  },
  {
    name: 'git, and a git clone of ka-settle',
    why: 'test/db/migration-identity checks out the repository as Git for Windows would',
    apt: 'git',
    hint: 'run the tests in a clone (git clone …), not in an unpacked archive',
    found: () => runs('git', ['-C', root, 'rev-parse', '--is-inside-work-tree']),
  },
];

/** What Node and npm must have done, checked before the system's parts (their fix is not a package). */
export const NODE_REQUIREMENTS = [
  {
    name: 'Node.js 20.10 or later',
    fix: 'install Node.js 20 or later',
    found: () => {
      const [major, minor] = process.versions.node.split('.').map(Number);
      return major > 20 || (major === 20 && minor >= 10);
    },
  },
  {
    name: 'the npm packages',
    fix: 'run npm ci (or npm install) in the ka-settle folder',
    found: () => existsSync(join(root, 'node_modules/better-sqlite3/package.json')) && existsSync(join(root, 'node_modules/vitest/package.json')),
  },
  {
    name: 'better-sqlite3 built for this Node',
    fix: 'run npm rebuild better-sqlite3 (it was built for another Node, or its build failed)',
    found: () => runs(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"]),
  },
];
