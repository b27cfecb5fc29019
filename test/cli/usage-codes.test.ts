import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/usage.js';
import { messagesEn } from '../../locale/en/index.js';
import { messagesZh } from '../../locale/zh/index.js';
import { renderMessage } from '../../locale/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

/** The text of the call's arguments, from `new UsageError(` to its closing parenthesis (strings skipped whole). */
function argumentsAt(text: string, start: number): string {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return text.slice(start, i);
  }
  throw new Error(`unclosed call at ${start}`);
}

/** The top-level keys of an object literal `{ a, b: …, c: f(x, y) }`. */
function keysOf(object: string): string[] {
  const inner = object.trim().replace(/^\{|\}$/g, '');
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === "'" || c === '"' || c === '`') {
      for (i++; i < inner.length && inner[i] !== c; i++) if (inner[i] === '\\') i++;
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(inner.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(inner.slice(from));
  return parts.map((p) => p.trim()).filter(Boolean).map((p) => /^([\w$]+)/.exec(p)![1]!).sort();
}

const placeholders = (template: string) => [...new Set([...template.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]!))].sort();

describe('every mistake in the command line', () => {
  const calls = sources(join(ROOT, 'cli')).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(/new UsageError\(/g)].map((m) => ({ file: relative(ROOT, file), args: argumentsAt(text, m.index + m[0].length) }));
  });

  it('is a code both catalogs have, given exactly the parameters its words use', () => {
    const coded = calls;
    expect(coded.length).toBeGreaterThan(90);
    const problems: string[] = [];
    for (const { file, args } of coded) {
      const codes = [...args.matchAll(/'(usage\.[a-z0-9-]+)'/g)].map((m) => m[1]!);
      if (!codes.length || /^\s*`/.test(args)) problems.push(`${file}: not a catalog code: ${args}`);
      const params = /,\s*(\{[\s\S]*\})\s*$/.exec(args)?.[1];
      for (const code of codes) {
        if (!(code in messagesZh) || !(code in messagesEn)) problems.push(`${file}: ${code} is missing from a catalog`);
        else if (placeholders(messagesZh[code as keyof typeof messagesZh]).join() !== keysOf(params ?? '{}').join()) problems.push(`${file}: ${code} is given ${params ?? 'no parameters'}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('is never a plain sentence', () => {
    const sentences = calls.filter((c) => /^\s*['`]/.test(c.args) && !/^\s*'usage\./.test(c.args));
    expect(sentences.map((c) => `${c.file}: ${c.args}`)).toEqual([]);
  });

  it('is said in Chinese with its own words, never the English ones', () => {
    const codes = Object.keys(messagesZh).filter((c) => c.startsWith('usage.')) as (keyof typeof messagesZh)[];
    expect(codes.length).toBeGreaterThan(70);
    for (const code of codes) {
      expect(messagesZh[code], code).toMatch(/\p{Script=Han}/u);
      expect(messagesZh[code], code).not.toBe(messagesEn[code]);
    }
  });

  it('keeps its code and parameters, and its English as Error.message for logs', () => {
    const e = new UsageError('usage.one-of', { option: '--by', values: 'ka, store' });
    expect(e).toMatchObject({ code: 'usage.one-of', params: { option: '--by', values: 'ka, store' }, message: '--by must be one of ka, store' });
    expect(e.render('zh')).toBe(renderMessage('zh', { code: 'usage.one-of', params: { option: '--by', values: 'ka, store' } }));
    expect(e.render('zh')).toBe('--by 只能是以下之一：ka, store');
    // a code the catalog lacks, or a plain sentence, is refused by the compiler (tsc runs over test/ too)
    const unsaid = [
      // @ts-expect-error not a code of the catalog
      () => new UsageError('usage.no-such-code'),
      // @ts-expect-error a sentence is not a code
      () => new UsageError('hq load needs package FILE(s)'),
    ];
    expect(unsaid).toHaveLength(2);
  });
});
