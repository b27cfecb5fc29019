import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/temp-book.js';
import { readPdf } from '../helpers/pdf-text.js';

const BIN = fileURLToPath(new URL('../../bin/ka-settle.js', import.meta.url));

/**
 * The real command, as a user runs it: a separate Node process on the compiled build. These tests read its English
 * (KA_SETTLE_LANG=en); the command speaks Chinese by default, which the test of its errors below reads.
 */
function ka(...args: string[]) {
  return kaIn({ KA_SETTLE_LANG: 'en' }, ...args);
}
function kaIn(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, KA_SETTLE_USER: 'cli-test', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Each test runs the real command a dozen times or more, each a process of its own: minutes on a loaded machine.
vi.setConfig({ testTimeout: 300_000 });

beforeAll(() => {
  if (!existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)))) {
    throw new Error('dist/ is missing: `npm test` builds it first (npm run build)');
  }
});

describe('ka-settle', () => {
  it('speaks Chinese by default and English when KA_SETTLE_LANG=en, naming file, row and field', () => {
    const missing = join(tempDir(), 'nope.kasettle');
    const zh = kaIn({ KA_SETTLE_LANG: '' }, 'show', missing);
    expect(zh.code).toBe(1);
    expect(zh.err).toBe(`ka-settle: ${missing}：找不到账套文件\n`);
    expect(kaIn({ KA_SETTLE_LANG: 'en' }, 'show', missing).err).toBe(`ka-settle: ${missing}: no such book\n`);
    const json = JSON.parse(kaIn({ KA_SETTLE_LANG: '' }, 'show', missing, '--json').out) as { error: { code: string; message: string; file: string } };
    expect(json.error).toMatchObject({ code: 'book.not-found', message: '找不到账套文件', file: missing });

    // Its ordinary lines and table headings too: Chinese unless KA_SETTLE_LANG=en.
    const book = join(tempDir(), 'zh.kasettle');
    expect(kaIn({ KA_SETTLE_LANG: '' }, 'init', book).out).toBe(`已创建账套 ${book}\n`);
    const summary = kaIn({ KA_SETTLE_LANG: '' }, 'show', book).out;
    expect(summary).toContain('结构版本');
    expect(summary).toContain('期间：（无）');
    expect(summary).not.toMatch(/periods|schema|manufacturers/);
    const manufacturers = fileURLToPath(new URL('../fixtures/sep/01-manufacturers.csv', import.meta.url));
    const imported = kaIn({ KA_SETTLE_LANG: '' }, 'import', book, 'manufacturers', manufacturers).out;
    expect(imported).toMatch(/^厂家 .*01-manufacturers\.csv/);
    expect(imported).toMatch(/已导入（批次 \d+）/);
    expect(imported).not.toMatch(/data rows|imported|columns/);
    const table = kaIn({ KA_SETTLE_LANG: '' }, 'show', book, 'manufacturers').out.split('\n')[0]!;
    expect(table).toMatch(/^编码\s+名称/);
    expect(ka('show', book, 'manufacturers').out.split('\n')[0]).toMatch(/^code\s+name/);
  });

  it('creates an empty book that checks clean', () => {
    const book = join(tempDir(), 'empty.kasettle');
    expect(ka('init', book)).toMatchObject({ code: 0, out: `created book ${book}\n` });
    const check = ka('check', book, '--json');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out)).toMatchObject({ ok: true, counts: { documents: 0 } });
    expect(ka('init', book)).toMatchObject({ code: 1 });
    expect(ka('init', book).err).toContain('already exists');
  });

  it('builds a demo book, shows it, and checks it', () => {
    const book = join(tempDir(), 'demo.kasettle');
    // the run's reconciled demo (seed 1) is a copy of test/global-setup.ts's template; the raw build is tested below
    const demo = ka('demo', book, '--json');
    expect(demo.code).toBe(0);
    const built = JSON.parse(demo.out) as { documents: { kind: string; documents: number }[] };
    expect(built.documents.find((d) => d.kind === 'delivery')!.documents).toBeGreaterThan(1000);

    const stores = JSON.parse(ka('show', book, 'stores', '--ka', 'MET', '--json').out) as { ka: string }[];
    expect(stores.length).toBeGreaterThan(10);
    expect(new Set(stores.map((s) => s.ka))).toEqual(new Set(['MET']));

    const balances = JSON.parse(ka('show', book, 'balances', '--json').out) as { account: string; balance_fen: number }[];
    expect(balances.reduce((s, b) => s + b.balance_fen, 0)).toBe(0);
    expect(balances.find((b) => b.account === 'ar_ka')!.balance_fen).toBeGreaterThan(0);

    const docs = JSON.parse(ka('show', book, 'documents', '--kind', 'receipt', '--period', '2026-03', '--limit', '3', '--json').out) as { natural_key: string; kind: string }[];
    expect(docs).toHaveLength(3);
    const one = JSON.parse(ka('show', book, 'document', docs[0]!.natural_key, '--json').out) as { lines: unknown[]; entries: { amount_fen: number }[] }[];
    expect(one[0]!.lines.length).toBeGreaterThan(0);
    expect(one[0]!.entries.reduce((s, e) => s + e.amount_fen, 0)).toBe(0);

    const text = ka('show', book, 'contract', 'HT-RTM-2025');
    expect(text.code).toBe(0);
    expect(text.out).toContain('rebate tiers');
    expect(ka('show', book, 'balances', '--by', 'ka').out).toContain('大润发');

    const check = ka('check', book);
    expect(check.code).toBe(0);
    expect(check.out).toContain('is sound');
  });

  it('says what is wrong: 2 for a bad command line, 1 for a bad book or input', () => {
    const dir = tempDir();
    expect(ka().code).toBe(2);
    expect(ka('frobnicate').code).toBe(2);
    expect(ka('show').code).toBe(2);
    expect(ka('init', join(dir, 'x.kasettle'), '--colour').code).toBe(2);
    expect(ka('demo', join(dir, 'y.kasettle'), '--scale', 'huge').code).toBe(2);

    const missing = ka('check', join(dir, 'missing.kasettle'));
    expect(missing.code).toBe(1);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toContain('missing.kasettle');

    writeFileSync(join(dir, 'text.kasettle'), 'not a book '.repeat(200));
    const notBook = ka('show', join(dir, 'text.kasettle'), '--json');
    expect(notBook.code).toBe(1);
    expect(JSON.parse(notBook.out)).toMatchObject({ error: { code: 'book.not-a-book', file: join(dir, 'text.kasettle') } });

    const book = join(dir, 'b.kasettle');
    ka('init', book);
    const badPeriod = ka('show', book, 'documents', '--period', '2026-13', '--json');
    expect(badPeriod.code).toBe(1);
    expect(JSON.parse(badPeriod.out).error).toMatchObject({ code: 'input.not-a-period', field: '--period' });
  });

  it('imports files: reports columns, refuses bad rows with file, row and field, and is idempotent', () => {
    const sep = fileURLToPath(new URL('../fixtures/sep/', import.meta.url));
    const quirks = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
    const book = join(tempDir(), 'i.kasettle');
    ka('init', book);
    for (const [kind, file] of [['manufacturers', '01-manufacturers.csv'], ['distributors', '02-distributors.csv'], ['ka-accounts', '03-ka-accounts.csv'],
      ['stores', '04-stores.csv'], ['products', '05-products.csv'], ['prices', '06-prices.csv']]) {
      expect(ka('import', book, kind!, sep + file!).code).toBe(0);
    }
    const dry = ka('import', book, 'deliveries', `${sep}10-deliveries.csv`, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('dry run: nothing written');
    const first = ka('import', book, 'deliveries', `${sep}10-deliveries.csv`);
    expect(first.out).toMatch(/A 送货单号→docNo/);
    expect(first.out).toMatch(/4 new \(6 lines\)/);
    const again = JSON.parse(ka('import', book, 'deliveries', `${sep}10-deliveries.csv`, '--json').out) as { files: { created: number; unchanged: number }[] };
    expect(again.files[0]).toMatchObject({ created: 0, unchanged: 4 });

    const bad = ka('import', book, 'deliveries', `${quirks}deliveries-bad-rows.csv`);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/error: .*deliveries-bad-rows\.csv, row 3, field 门店编号 \(column D\): unknown store code "Z999"/);
    expect(bad.out).toContain('nothing imported from this file');
    const badJson = JSON.parse(ka('import', book, 'deliveries', `${quirks}deliveries-bad-rows.csv`, '--json').out) as { files: { errors: { row: number; field?: string }[] }[] };
    expect(badJson.files[0]!.errors).toHaveLength(7);

    expect(ka('import', book, 'vouchers', `${sep}10-deliveries.csv`).code).toBe(2);
    const old = kaIn({ KA_SETTLE_LANG: '' }, 'import', book, 'receipts', `${quirks}old-binary.xls`);
    expect(old.code).toBe(1);
    expect(old.err).toMatch(/old-binary\.xls：这个 \.xls 文件已损坏/);
    expect(ka('check', book).code).toBe(0);
  });

  it('reconciles the September sample to what expected.json says, and moves a claim on', () => {
    const sep = fileURLToPath(new URL('../fixtures/sep/', import.meta.url));
    const quirks = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
    const expected = JSON.parse(readFileSync(`${sep}expected.json`, 'utf8')) as Record<string, unknown>;
    const book = join(tempDir(), 'r.kasettle');
    ka('init', book);
    for (const [kind, file] of [['manufacturers', '01-manufacturers.csv'], ['distributors', '02-distributors.csv'], ['ka-accounts', '03-ka-accounts.csv'],
      ['stores', '04-stores.csv'], ['products', '05-products.csv'], ['prices', '06-prices.csv'], ['deliveries', '10-deliveries.csv'],
      ['receipts', '11-receipts-rtm.csv'], ['receipts', '12-receipts-met.xlsx']]) {
      expect(ka('import', book, kind!, sep + file!).code).toBe(0);
    }
    expect(ka('import', book, 'deductions', `${sep}13-deductions-rtm.csv`, '--date', '2026-09-30').code).toBe(0);
    expect(ka('import', book, 'contracts', `${quirks}contracts.json`).code).toBe(0);
    const run = ka('reconcile', book, '--period', '2026-09', '--json');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.out) as Record<string, any>;
    expect(summary).toMatchObject({
      period: expected.period, deliveryLines: expected.deliveryLines, unexpectedReceiptLines: expected.unexpectedReceiptLines,
      amounts: { delivered: (expected.amounts as { delivered: number }).delivered },
      deductions: { count: 3, total: 360_000, manufacturerShare: 260_000, distributorShare: 100_000, disputed: 0 },
      remittances: { applied: 0, unapplied: 0, shortPaid: 0 },
    });
    expect(summary.deductions.byFeeType).toEqual({ anniversary: 80_000, barcode: 160_000, end_cap: 120_000 });
    const lines = JSON.parse(ka('reconcile', book, '--period', '2026-09', '--lines', '--status', 'short', '--json').out) as { line_id: number; sku: string }[];
    expect(lines.map((l) => l.sku)).toEqual(['P003']);
    expect(ka('reconcile', book, '--confirm', String(lines[0]!.line_id), '--note', 'one case broken').code).toBe(0);
    expect(ka('reconcile', book, '--override', String(lines[0]!.line_id)).code).toBe(2);

    const claims = JSON.parse(ka('claims', book, '--json').out) as { claims: { id: number; status: string; amount_fen: number }[] };
    expect(claims.claims).toMatchObject([{ status: 'draft', amount_fen: 260_000 }]);
    const id = String(claims.claims[0]!.id);
    expect(ka('claims', book, '--approve', id).code).toBe(1);
    expect(ka('claims', book, '--submit', id).out).toMatch(/submitted/i);
    expect(ka('claims', book, '--approve', id, '--user', 'manager').out).toMatch(/approved/i);
    const writeOff = ka('claims', book, '--write-off', id, '--date', '2026-10-20');
    expect(writeOff.code).toBe(1);
    expect(writeOff.err).toMatch(/2,600\.00 not covered/);
    expect(ka('deductions', book, '--period', '2026-09').out).toContain('条码费');
    expect(ka('check', book).code).toBe(0);
  });

  it('accrues contract terms once, and explains them step by step', () => {
    const book = join(tempDir(), 'terms.kasettle');
    ka('demo', book, '--seed', '3', '--raw');
    const first = JSON.parse(ka('accrue', book, '--period', '2026-02', '--json').out) as { posted: { rebates: number; deliveryCost: number } };
    expect(first.posted.rebates).toBeGreaterThan(0);
    expect(first.posted.deliveryCost).toBeGreaterThan(0);
    const second = JSON.parse(ka('accrue', book, '--period', '2026-02', '--json').out) as { posted: Record<string, number> };
    expect(second.posted).toEqual({ rebates: 0, deliveryCost: 0, priceProtection: 0 });
    const explain = ka('terms', book, '--contract', 'HT-RTM-2025', '--period', '2026-02', '--explain');
    expect(explain.code).toBe(0);
    expect(explain.out).toMatch(/= base to date/);
    expect(explain.out).toMatch(/projected to the year: .* × 12 ÷ 4 =/);
    expect(explain.out).toMatch(/rounding: /);
    expect(explain.out).toMatch(/tier reached: \d/);
    expect(explain.out).toMatch(/delivery cost D01:/);
    expect(ka('terms', book, '--contract', 'NOPE', '--period', '2026-02').code).toBe(1);
    expect(ka('accrue', book).code).toBe(2);
  });

  it('says the book is busy when another process holds its write lock, and changes nothing', () => {
    const book = join(tempDir(), 'busy.kasettle');
    ka('init', book);
    const holder = new Database(book);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const r = spawnSync(process.execPath, [BIN, 'import', book, 'manufacturers', fileURLToPath(new URL('../fixtures/sep/01-manufacturers.csv', import.meta.url))], { encoding: 'utf8', env: { ...process.env, KA_SETTLE_USER: 't' } });
      expect(r.status).toBe(1);
      expect(r.stderr.trim().split('\n').at(-1)).toBe('ka-settle: 账套正忙：另一个 ka-settle 正在写入，请等它完成后再试');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(ka('show', book, 'manufacturers', '--json').out.trim()).toBe('[]');
  }, 120_000);

  it('fails `check` on a tampered book', () => {
    const book = join(tempDir(), 't.kasettle');
    ka('demo', book); // the run's reconciled demo, a copy: any book with an audit chain will do
    const raw = new Database(book);
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE id = 10;");
    raw.close();
    const check = ka('check', book);
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/FAIL\s+audit chain: broken at row 10/);
  });
});

describe('ka-settle close and statement', () => {
  it('runs the month-end sign-off with passwords from the environment or standard input, never arguments', () => {
    const book = join(tempDir(), 'close.kasettle');
    const run = (env: Record<string, string>, input: string | undefined, ...args: string[]) => {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, env: { ...process.env, KA_SETTLE_LANG: 'en', ...env } });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    ka('demo', book);
    expect(run({ KA_SETTLE_NEW_PASSWORD: 'admin-pass-1' }, undefined, 'users', book, '--add', 'admin', '--role', 'admin').code).toBe(0);
    for (const [name, role] of [['wang', 'accountant'], ['li', 'credit_controller'], ['zhao', 'manager']]) {
      expect(run({ KA_SETTLE_PASSWORD: 'admin-pass-1', KA_SETTLE_NEW_PASSWORD: `${name}-pass-1` }, undefined, 'users', book, '--add', name!, '--role', role!, '--user', 'admin').code).toBe(0);
    }
    // Months close in order: the demo's first month comes first.
    expect(run({}, 'wang-pass-1\n', 'close', book, '--period', '2026-10', '--prepare', '--user', 'wang').err).toContain('2025-11 is Open: months close in order');
    expect(run({}, 'wang-pass-1\n', 'close', book, '--period', '2025-11', '--prepare', '--user', 'wang').err).toMatch(/unresolved exceptions|still has \d+ unresolved/);
    expect(run({}, 'wang-pass-1\n', 'close', book, '--period', '2025-11', '--accept-all', '--reason', 'November reviewed with the KAs', '--user', 'wang').code).toBe(0);
    const prepared = run({}, 'wang-pass-1\n', 'close', book, '--period', '2025-11', '--prepare', '--user', 'wang', '--json');
    expect(prepared.code).toBe(0);
    expect(JSON.parse(prepared.out).statements.length).toBe(4);
    expect(run({}, 'bad\n', 'close', book, '--period', '2025-11', '--review', '--user', 'li').err).toContain('wrong user name or password');
    expect(run({}, 'li-pass-1\n', 'close', book, '--period', '2025-11', '--review', '--user', 'li').code).toBe(0);
    expect(run({ KA_SETTLE_PASSWORD: 'zhao-pass-1' }, undefined, 'close', book, '--period', '2025-11', '--approve', '--user', 'zhao').out).toContain('approved and closed');
    const dir = tempDir();
    const json = run({}, undefined, 'statement', book, '--period', '2025-11', '--distributor', 'D02', '--out', join(dir, 's.json'), '--json');
    expect(JSON.parse(json.out)).toMatchObject({ version: 1, status: 'approved' });
    expect(run({}, undefined, 'statement', book, '--period', '2025-11', '--distributor', 'D02', '--out', join(dir, 's.xlsx')).code).toBe(0);
    expect(run({}, undefined, 'statement', book, '--period', '2025-11', '--distributor', 'D02', '--out', join(dir, 's.txt')).code).toBe(2);
    const locked = run({ KA_SETTLE_PASSWORD: 'wang-pass-1' }, undefined, 'accrue', book, '--period', '2025-11', '--user', 'wang');
    expect(locked.code).toBe(1);
    expect(locked.err).toMatch(/period 2025-11 is closed/);
    expect(ka('check', book).code).toBe(0);
    // Three preparations' and one acceptance's reconciliation of a demo month, each a process of its own.
  }, 150_000);
});

describe('ka-settle ageing and credit', () => {
  it('ages receivables tying to the ledger, lists credit standing and the channel-conflict watch', async () => {
    const book = join(tempDir(), 'credit.kasettle');
    ka('demo', book, '--seed', '4', '--raw');
    for (const p of ['2026-08', '2026-09']) expect(ka('reconcile', book, '--period', p).code).toBe(0);
    const aged = ka('ageing', book, '--as-of', '2026-09-30', '--by', 'distributor');
    expect(aged.code).toBe(0);
    expect(aged.out).toMatch(/ledger balance 应收账款-KA [\d,.]+: ties/);
    const json = JSON.parse(ka('ageing', book, '--as-of', '2026-09-30', '--json').out) as { ties: boolean; rows: unknown[] };
    expect(json.ties).toBe(true);
    expect(json.rows).toHaveLength(5);
    const credit = JSON.parse(ka('credit', book, '--as-of', '2026-09-30', '--json').out) as { exposures: { entity: string; grade: { grade: string } }[] };
    expect(credit.exposures.filter((e) => e.entity === 'ka')).toHaveLength(5);
    expect(ka('credit', book, '--watch').out).toMatch(/青岛/);
    expect(ka('credit', book, '--dunning', '--as-of', '2026-09-30').code).toBe(0);
    const soa = join(tempDir(), 'soa-rtm.pdf');
    const printed = ka('credit', book, '--statement-of-account', 'RTM', '--as-of', '2026-09-30', '--out', soa);
    expect(printed.code).toBe(0);
    const balance = /owes ([\d,.-]+) as of/.exec(printed.out)![1]!;
    expect((await readPdf(soa)).text).toContain(balance);
    expect(ka('ageing', book, '--as-of', '2026-09-31').code).toBe(1);
    expect(ka('ageing', book).code).toBe(2);
  });
});
