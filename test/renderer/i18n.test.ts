import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { enResources as en, zhResources as zh } from '../../renderer/i18n/resources.js';

const RENDERER = fileURLToPath(new URL('../../renderer/', import.meta.url));

function keysOf(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
/** Plural forms differ by language (Chinese has one, English two): compare the words, not the forms. */
const words = (o: object) => new Set(keysOf(o).map((k) => k.replace(/_(one|other)$/, '')));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? sources(join(dir, n)) : /\.tsx?$/.test(n) ? [join(dir, n)] : []));
}

describe('the window’s words', () => {
  it('has every key in Chinese and in English', () => {
    const a = words(zh);
    const b = words(en);
    expect([...a].filter((k) => !b.has(k))).toEqual([]);
    expect([...b].filter((k) => !a.has(k))).toEqual([]);
  });

  it('has a translation for every key the screens use', () => {
    const have = words(zh);
    const groups = new Set([...have].flatMap((k) => k.split('.').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('.'))));
    const missing: string[] = [];
    for (const file of sources(RENDERER)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)) if (!have.has(m[1]!)) missing.push(`${m[1]} (${file.slice(RENDERER.length)})`);
      for (const m of text.matchAll(/\bt\(`([a-zA-Z0-9_.-]+)\.\$\{/g)) if (!groups.has(m[1]!)) missing.push(`${m[1]}.* (${file.slice(RENDERER.length)})`);
      for (const m of text.matchAll(/label: '([a-z]+\.[a-zA-Z0-9_.]+)'/g)) if (!have.has(m[1]!)) missing.push(`${m[1]} (${file.slice(RENDERER.length)})`);
    }
    expect(missing).toEqual([]);
  });
});
