import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../locale/index.js';
import { messagesZh } from '../../locale/zh/index.js';

/** The catalog's areas (import, close, match …): a string under one of them is meant as a code. */
const AREAS = new Set(Object.keys(messagesZh).map((c) => c.split('.')[0]!));

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sources(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name)) out.push(path);
    }
  };
  walk(join(ROOT, folder));
  return out;
}

/**
 * Every message code the program names — in a UserError, a stored reason or memo, a message built in core, a
 * reason SQL writes — is in the catalog, so nothing a person reads falls back to a bare code.
 */
describe('the codes the program speaks in', () => {
  it('are all in the catalog', () => {
    const patterns = [/\bcode: '([a-z]+\.[a-z0-9-]+)'/g, /new UserError\('([a-z]+\.[a-z0-9-]+)'/g, /new UsageError\('([a-z]+\.[a-z0-9-]+)'/g, /reasonSql\('([a-z]+\.[a-z0-9-]+)'/g, /\b(?:say|w)\('([a-z]+\.[a-z0-9-]+)'/g];
    const unknown: string[] = [];
    let seen = 0;
    for (const folder of ['core', 'db', 'services', 'bridge', 'cli', 'electron', 'renderer']) {
      for (const file of sources(folder)) {
        const text = readFileSync(file, 'utf8');
        for (const p of patterns) {
          for (const m of text.matchAll(p)) {
            if (!AREAS.has(m[1]!.split('.')[0]!)) continue;
            seen++;
            if (!hasMessage(m[1]!)) unknown.push(`${relative(ROOT, file)}: ${m[1]}`);
          }
        }
      }
    }
    expect(unknown).toEqual([]);
    expect(seen).toBeGreaterThan(300);
  });
});
