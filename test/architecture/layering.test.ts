import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sources(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|cts)$/.test(name)) out.push(path);
    }
  };
  walk(join(ROOT, folder));
  return out;
}

/** Every module a file imports at run time (`import type` is erased and does not count). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*import\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm), ...text.matchAll(/require\(['"]([^'"]+)['"]\)/g)].map((m) => m[1]!);
}

/** DESIGN.md §5: renderer → contract ← electron → core → db. */
describe('the layering of the house', () => {
  it('keeps Electron inside electron/', () => {
    for (const folder of ['core', 'db', 'services', 'bridge', 'contract', 'cli', 'renderer']) {
      for (const file of sources(folder)) expect(runtimeImports(file), relative(ROOT, file)).not.toContain('electron');
    }
  });

  it('keeps the renderer off core/ and db/ at run time', () => {
    for (const file of sources('renderer')) {
      const bad = runtimeImports(file).filter((m) => /(^|\/)(core|db|services|bridge|electron)\//.test(m) || m === 'better-sqlite3' || m.startsWith('node:'));
      expect(bad, relative(ROOT, file)).toEqual([]);
    }
  });

  it('keeps core/ free of React, the window and the transports, and the contract free of everything but zod', () => {
    for (const file of sources('core')) {
      const bad = runtimeImports(file).filter((m) => /^(react|react-dom|ag-grid|i18next)/.test(m) || /(^|\/)(renderer|services|bridge|electron|cli)\//.test(m));
      expect(bad, relative(ROOT, file)).toEqual([]);
    }
    for (const file of sources('contract')) {
      const bad = runtimeImports(file).filter((m) => m !== 'zod' && !m.startsWith('./') && !m.startsWith('../vocabulary/'));
      expect(bad, relative(ROOT, file)).toEqual([]);
    }
  });

  it('keeps the head office (hq/) beside the book: core/ never imports it, and hq/core/ reaches its database only through hq/db/', () => {
    for (const file of [...sources('core'), ...sources('db')]) {
      expect(runtimeImports(file).filter((m) => /(^|\/)hq\//.test(m)), relative(ROOT, file)).toEqual([]);
    }
    for (const file of sources('hq/core')) {
      const bad = runtimeImports(file).filter((m) => m === 'pg' || m.startsWith('@electric-sql/') || m === 'better-sqlite3' || /(^|\/)(renderer|services|bridge|electron|cli)\//.test(m));
      expect(bad, relative(ROOT, file)).toEqual([]);
    }
    for (const file of sources('hq/db')) {
      const bad = runtimeImports(file).filter((m) => /(^|\/)(hq\/core|renderer|services|bridge|electron|cli)\//.test(m) || /^\.\.\/core\//.test(m));
      expect(bad, relative(ROOT, file)).toEqual([]);
    }
  });

  it('keeps the words (locale/) and the vocabularies (vocabulary/) leaves that every layer may import', () => {
    for (const folder of ['locale', 'vocabulary']) {
      for (const file of sources(folder)) {
        const outside = runtimeImports(file).filter((m) => !m.startsWith('.') || !resolve(dirname(file), m).startsWith(join(ROOT, folder)));
        expect(outside, relative(ROOT, file)).toEqual([]);
      }
    }
  });

  it('keeps SQL in db/ and hq/db/', () => {
    const sql = /\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b/;
    for (const folder of ['core', 'services', 'bridge', 'electron', 'renderer', 'hq/core', 'cli']) {
      for (const file of sources(folder)) expect(sql.test(readFileSync(file, 'utf8')), relative(ROOT, file)).toBe(false);
    }
  });
});
