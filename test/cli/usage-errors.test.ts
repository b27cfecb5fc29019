import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './usage-run.js';

let dir: string;
let book: string;
const fingerprint = () => readdirSync(dir).sort().map((f) => `${f}:${createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')}`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-usage-'));
  book = join(dir, 'usage.kasettle');
  expect((await run('', 'init', book)).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A mistake in the command line: exit 2, the mistake on the first line, where to read the usage on the second. */
async function mistake(lang: '' | 'en', ...args: string[]) {
  const r = await run(lang, ...args);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  const lines = r.err.split('\n');
  expect(lines.pop()).toBe(lang === 'en' ? "Run 'ka-settle help' for usage." : "用法见 'ka-settle help'。");
  // Only Node's own English sentence for an ambiguous value runs over several lines.
  if (lang === '') expect(lines, r.err).toHaveLength(1);
  expect(lines[0]).toMatch(/^ka-settle: /);
  return lines.join('\n').slice('ka-settle: '.length);
}

describe('a mistake in the command line', () => {
  it('is said in Chinese by default and in English with KA_SETTLE_LANG=en, the English as it always read', async () => {
    const before = fingerprint();
    const cases: [string[], string, string][] = [
      [['frobnicate', book], '没有这个命令："frobnicate"', 'unknown command "frobnicate"'],
      [['ageing', book], '账龄需要 BOOK --as-of YYYY-MM-DD', 'ageing needs BOOK --as-of YYYY-MM-DD'],
      [['ageing', book, '--as-of', '2026-10-31', '--by', 'city'], '--by 只能是 ka、store、distributor 或 manufacturer', '--by must be ka, store, distributor or manufacturer'],
      [['reverse', book, 'YS0903A021'], '红字冲销需要 --reason R：冲销必须写明原因', 'reverse needs --reason R: a reversal says why'],
      [['reallocate', book, 'FKC01', '--reason', 'x', '--by', 'newest'], '--by 只能是以下之一：references, oldest, items', '--by must be one of references, oldest, items'],
      [['claims', book, '--approve', '1', '--reject', '2'], '--submit, --approve, --write-off, --reject 一次只能用一个', 'one of --submit, --approve, --write-off, --reject at a time'],
      [['claims', book, '--show', 'seven'], '--show 后面要跟费用申请的编号', '--show takes a claim id'],
      [['users', book, '--add', 'li', '--role', 'boss'], '--add 需要 --role accountant|credit_controller|manager|admin', '--add needs --role accountant|credit_controller|manager|admin'],
      [['show', book, '--limit', 'ten'], '--limit 必须是整数', '--limit must be a whole number'],
      [['show', book, 'contract'], 'show contract 需要合同编码', 'show contract needs a contract code'],
      [['import', book, 'deliveries', 'x.csv', '--map', 'no-equals-sign'], '--map 的写法是以 ";" 分隔的 列名=字段，这一对不对："no-equals-sign"', '--map takes heading=field pairs separated by ";", got "no-equals-sign"'],
      [['import', book, 'invoices-of-mars', 'x.csv'], '', 'KIND must be one of '],
      [['vouchers', book, '--period', '2026-10', '--format', 'sap', '--out', join(dir, 'v.xlsx')], '--format 只能是 kingdee, yonyou, csv', '--format takes kingdee, yonyou, csv'],
      [['login', book, '--user', 'wang', '--hours', '0'], '--hours 必须是 1 到 ', '--hours takes a whole number from 1 to '],
      [['close', book, '--period', '2026-10'], '结账需要 BOOK --period YYYY-MM，以及以下之一：--prepare、--review、--approve、--reopen、--exceptions、--accept KEY、--accept-all', 'close needs BOOK --period YYYY-MM and one of --prepare, --review, --approve, --reopen, --exceptions, --accept KEY, --accept-all'],
      [['statement', book, '--period', '2026-10', '--distributor', 'D01', '--out', join(dir, 's.txt')], '--out 必须是 .xlsx、.pdf 或 .json 文件', '--out must name a .xlsx, .pdf or .json file'],
      [['invoices', book, 'match', '--period', '2026-13..2026-01'], '--period 必须写成 YYYY-MM 或 YYYY-MM..YYYY-MM', '--period must be YYYY-MM or YYYY-MM..YYYY-MM'],
      [['deductions', book], 'deductions 需要 --period YYYY-MM', 'deductions needs --period YYYY-MM'],
    ];
    for (const [args, zh, en] of cases) {
      const said = await mistake('', ...args);
      if (zh) expect(said.startsWith(zh), `${args.join(' ')} → ${said}`).toBe(true);
      expect(said).toMatch(/\p{Script=Han}/u);
      expect((await mistake('en', ...args)).startsWith(en), args.join(' ')).toBe(true);
    }
    // The import kinds are listed as typed, in both languages.
    expect(await mistake('', 'import', book, 'invoices-of-mars', 'x.csv')).toMatch(/^KIND 只能是以下之一：manufacturers, distributors, .*deliveries, receipts/);
    expect(await mistake('', 'login', book, '--user', 'wang', '--hours', '0')).toMatch(/^--hours 必须是 1 到 \d+ 之间的整数$/);
    expect(fingerprint()).toEqual(before);
  });

  it('found by the option parser names the option in Chinese, and keeps Node’s own sentence in English', async () => {
    const before = fingerprint();
    expect(await mistake('', 'show', book, '--frob')).toBe('没有这个选项：--frob');
    expect(await mistake('en', 'show', book, '--frob')).toMatch(/^Unknown option '--frob'/);
    expect(await mistake('', 'show', book, '--kind')).toBe('选项 --kind 后面缺少值');
    expect(await mistake('en', 'show', book, '--kind')).toBe("Option '--kind <value>' argument missing");
    expect(await mistake('', 'init', join(dir, 'other.kasettle'), '--json=yes')).toBe('选项 --json 不带值');
    expect(await mistake('en', 'init', join(dir, 'other.kasettle'), '--json=yes')).toBe("Option '--json' does not take an argument");
    expect(await mistake('', 'show', book, '--kind', '--period')).toMatch(/^选项 --kind 后面的值以 - 开头.*--kind=-XYZ$/);
    expect(await mistake('en', 'show', book, '--kind', '--period')).toMatch(/^Option '--kind' argument is ambiguous\.\n/);
    expect(fingerprint()).toEqual(before);
    expect(existsSync(join(dir, 'other.kasettle'))).toBe(false);
  });

  it('writes no book it was asked to create', async () => {
    const fresh = join(dir, 'never.kasettle');
    expect(await mistake('', 'demo', fresh, '--scale', 'huge')).toBe('--scale 只能是以下之一：tiny, small, medium, large');
    expect(await mistake('en', 'demo', fresh, '--seed', 'x')).toBe('--seed must be a non-negative whole number');
    expect(await mistake('', 'init', fresh, join(dir, 'second.kasettle'))).toBe('init 需要且只需要一个 BOOK 路径');
    expect(existsSync(fresh)).toBe(false);
    expect(existsSync(join(dir, 'second.kasettle'))).toBe(false);
  });

  it('with --json also says itself as JSON: code usage, the catalog code and its parameters, the words in the reader’s language', async () => {
    const r = await run('', 'ageing', book, '--as-of', '2026-10-31', '--basis', 'whim', '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ error: { code: 'usage', usage: 'usage.ageing-basis', params: {}, message: '--basis 只能是 due、document 或 invoice' } });
    const en = await run('en', 'frobnicate', '--json');
    expect(JSON.parse(en.out)).toEqual({ error: { code: 'usage', usage: 'usage.unknown-command', params: { name: 'frobnicate' }, message: 'unknown command "frobnicate"' } });
  });
});
