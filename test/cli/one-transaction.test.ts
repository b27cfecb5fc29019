import Database from 'better-sqlite3';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import type { Io } from '../../cli/io.js';
import { openExistingBook } from '../../core/book/open-book.js';
import { accruePeriod } from '../../core/terms/accrue-period.js';
import { reconcilePeriod } from '../../core/reconcile/reconcile-period.js';
import { tableHashes } from '../helpers/book-snapshot.js';
import { commitsDuring } from '../helpers/commits.js';
import { tempDir } from '../helpers/temp-book.js';

/**
 * Every command is one transaction: it commits once, or not at all when it is refused (a refused preparation
 * commits only the audit row of its refusal). Counted from the book's own write-ahead log, command by command, on
 * a demo book. Import is the one command of several transactions — one per file, each whole — and is safely
 * resumable: a file imported again adds nothing. Corrections (冲销, 重新核销, 替换, 撤销导入) and the voucher export are one
transaction each.
 */
const E2E = fileURLToPath(new URL('../fixtures/e2e/', import.meta.url));
const PASSWORDS: Record<string, string> = { admin: 'admin-pass-1', wang: 'wang-pass-1', li: 'li-pass-1', zhao: 'zhao-pass-1' };

let book = '';

async function run(args: string[], as?: string, env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const user = as ? ['--user', as] : [];
  const io: Io = { out: (t) => { out += `${t}\n`; }, err: (t) => { err += `${t}\n`; }, env: { ...process.env, KA_SETTLE_USER: 'tx-test', ...(as ? { KA_SETTLE_PASSWORD: PASSWORDS[as] } : {}), ...env } };
  const code = await main([...args, ...user], io);
  return { code, out, err };
}

async function commits(args: string[], as?: string, exit = 0, env: Record<string, string> = {}): Promise<number> {
  let result = { code: -1, out: '', err: '' };
  const n = await commitsDuring(book, async () => {
    result = await run(args, as, env);
  });
  expect(result.code, `${args.join(' ')}: ${result.err}`).toBe(exit);
  return n;
}

const json = async <T>(args: string[]): Promise<T> => JSON.parse((await run([...args, '--json'])).out) as T;

let dir = '';
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-tx-'));
  book = join(dir, 'demo.kasettle');
  // the raw demo (documents only): what a first reconciliation and accrual write is then visible
  expect((await run(['demo', book, '--raw'])).code).toBe(0);
  for (const [name, role] of [['admin', 'admin'], ['wang', 'accountant'], ['li', 'credit_controller'], ['zhao', 'manager']] as const) {
    const io: Io = { out: () => {}, err: () => {}, env: { ...process.env, KA_SETTLE_NEW_PASSWORD: PASSWORDS[name], ...(name === 'admin' ? {} : { KA_SETTLE_PASSWORD: PASSWORDS.admin }) } };
    expect(await main(['users', book, '--add', name, '--role', role, ...(name === 'admin' ? [] : ['--user', 'admin'])], io)).toBe(0);
  }
}, 120_000);

describe('a refused close --prepare', () => {
  it('leaves every table as it was, apart from the one audit row of the refusal', async () => {
    // What preparing October would write before it finds the exceptions: reconciliation results, claims, accruals.
    const rehearsed = await openExistingBook(book);
    const count = (t: string) => (rehearsed.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    const before = { documents: count('documents'), results: count('recon_delivery_lines') };
    const during = rehearsed.rehearse(() => {
      reconcilePeriod(rehearsed, { period: '2026-10', actor: 'x' });
      accruePeriod(rehearsed, '2026-10', 'x');
      return { documents: count('documents'), results: count('recon_delivery_lines') };
    });
    expect(during.documents).toBeGreaterThan(before.documents);
    expect(during.results).toBeGreaterThan(before.results);
    rehearsed.close();

    const tables = tableHashes(book, ['audit_log']);
    const audit = new Database(book, { readonly: true });
    const auditBefore = audit.prepare('SELECT * FROM audit_log ORDER BY id').all();
    audit.close();

    // Months close in order: the earliest month is the one a preparation can reach, and its exceptions block it.
    expect(await commits(['close', book, '--period', '2025-11', '--prepare'], 'wang', 1)).toBe(1);

    expect(tableHashes(book, ['audit_log'])).toEqual(tables);
    const after = new Database(book, { readonly: true });
    const auditAfter = after.prepare('SELECT * FROM audit_log ORDER BY id').all() as { action: string; after_json: string }[];
    after.close();
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter.slice(auditBefore.length).map((r) => r.action)).toEqual(['prepare-refused']);
    const refusal = JSON.parse(auditAfter.at(-1)!.after_json) as { code: string; exceptions: number; first: string[] };
    expect(refusal.code).toBe('close.blocking');
    // The exceptions the refusal counted are the ones close --exceptions lists, and asking for them writes nothing.
    let listed: unknown[] = [];
    expect(await commitsDuring(book, async () => { listed = await json<unknown[]>(['close', book, '--period', '2025-11', '--exceptions']); })).toBe(0);
    expect(listed).toHaveLength(refusal.exceptions);
  });
});

describe('every other command', () => {
  it('that only reads commits nothing', async () => {
    for (const args of [
      ['show', book], ['show', book, 'documents', '--period', '2026-10', '--limit', '5'], ['show', book, 'balances', '--as-of', '2026-10-31'],
      ['check', book], ['ageing', book, '--as-of', '2026-10-31'], ['terms', book, '--contract', 'HT-RTM-2025', '--period', '2026-10', '--explain'],
      ['claims', book], ['deductions', book, '--period', '2026-10'], ['reconcile', book, '--period', '2026-10', '--lines', '--limit', '5'],
      ['credit', book, '--dunning', '--as-of', '2026-10-31'], ['credit', book, '--watch'], ['settings', book],
      ['statement', book, '--period', '2026-10', '--distributor', 'D01', '--out', join(tempDir(), 'draft.json')],
    ]) {
      expect(await commits(args), args.join(' ')).toBe(0);
    }
  });

  it('that writes commits exactly once, and a refused one not at all', async () => {
    expect(await commits(['reconcile', book, '--period', '2025-11'], 'wang')).toBe(1);
    expect(await commits(['accrue', book, '--period', '2025-11'], 'wang')).toBe(1);
    expect(await commits(['credit', book, '--as-of', '2025-11-30'], 'li')).toBe(1);
    expect(await commits(['settings', book, '--set', 'reconcile.window_days=8'], 'admin')).toBe(1);
    expect(await commits(['settings', book, '--set', 'reconcile.window_days="x"'], 'admin', 1)).toBe(0);
    expect(await commits(['credit', book, '--set-limit', 'ka:RTM', '--amount', '5000000', '--reason', '年度授信'], 'li')).toBe(1);
    expect(await commits(['credit', book, '--override', 'RTM', '--until', '2025-12-31', '--reason', '回款在途'], 'li')).toBe(1);
    expect(await commits(['credit', book, '--follow-up', 'RTM', '--note', '已电话催款'], 'li')).toBe(1);

    const lines = await json<{ line_id: number; status: string }[]>(['reconcile', book, '--period', '2025-11', '--lines', '--status', 'short']);
    expect(await commits(['reconcile', book, '--annotate', String(lines[0]!.line_id), '--note', '破损一箱'], 'wang')).toBe(1);
    expect(await commits(['reconcile', book, '--override', String(lines[0]!.line_id), '--status', 'matched'], 'wang', 1)).toBe(0);
    const deductions = await json<{ line_id: number }[]>(['deductions', book, '--period', '2025-11', '--disputed']);
    expect(await commits(['deductions', book, '--reclassify', String(deductions[0]!.line_id), '--fee-type', 'promo_service'], 'wang')).toBe(1);
    const claims = await json<{ claims: { id: number; period: string }[] }>(['claims', book, '--status', 'draft']);
    const claim = claims.claims.find((c) => c.period === '2025-11')!;
    expect(await commits(['claims', book, '--submit', String(claim.id)], 'wang')).toBe(1);
    expect(await commits(['claims', book, '--write-off', String(claim.id)], 'wang', 1)).toBe(0);

    expect(await commits(['close', book, '--period', '2025-11', '--accept-all', '--reason', '与KA核对后接受'], 'wang')).toBe(1);
    expect(await commits(['close', book, '--period', '2025-11', '--prepare'], 'wang')).toBe(1);
    expect(await commits(['close', book, '--period', '2025-11', '--review'], 'wang', 1)).toBe(0);
    expect(await commits(['close', book, '--period', '2025-11', '--review'], 'li')).toBe(1);
    expect(await commits(['statement', book, '--period', '2025-11', '--distributor', 'D01', '--confirm', 'manufacturer', '--result', 'confirmed'], 'li')).toBe(1);
    expect(await commits(['close', book, '--period', '2025-11', '--approve'], 'zhao')).toBe(1);
    expect(await commits(['reconcile', book, '--period', '2025-11'], 'wang', 1)).toBe(0);
    expect(await commits(['close', book, '--period', '2025-11', '--reopen', '--reason', '漏记一张验收单'], 'admin')).toBe(1);
    expect(await commits(['users', book, '--add', 'xu', '--role', 'accountant'], 'admin', 0, { KA_SETTLE_NEW_PASSWORD: 'xu-pass-123' })).toBe(1);
  });

  it('import is one transaction per file, nothing for a refused file, and adds nothing when run again', async () => {
    const files = ['XSTX01', 'XSTX02'].map((no, i) => {
      const file = join(dir, `deliveries-${i + 1}.csv`);
      writeFileSync(file, `送货单号,送货日期,订单号,门店编号,商品编码,数量,单价,金额\n${no},2026-10-2${i + 1},PO${no},A010,P001,10,5.22,52.20\n`);
      return file;
    });
    expect(await commits(['import', book, 'deliveries', `${E2E}rtm-deliveries-bad-rows.csv`, '--ka', 'RTM'], 'wang', 1)).toBe(0);
    const before = tableHashes(book, ['audit_log', 'batches']);
    expect(await commits(['import', book, 'deliveries', ...files, '--ka', 'RTM'], 'wang')).toBe(2);
    expect(tableHashes(book, ['audit_log', 'batches']).documents).not.toBe(before.documents);
    // Run again after an interruption, the same command finds everything in the book and writes nothing.
    expect(await commits(['import', book, 'deliveries', ...files, '--ka', 'RTM'], 'wang')).toBe(0);
  });

  it('that corrects or exports commits exactly once, and a refused one not at all', async () => {
    // 冲销 of a delivery, again (refused), 重新核销 of a remittance
    const docs = await json<{ doc_no: string; kind: string; reversed_by: number | null; reverses_id: number | null }[]>(['show', book, 'documents', '--period', '2026-10', '--limit', '2000']);
    const delivery = docs.find((d) => d.kind === 'delivery' && d.reversed_by === null && d.reverses_id === null && d.doc_no.startsWith('XSD'))!;
    const remittance = docs.find((d) => d.kind === 'remittance')!;
    expect(await commits(['reverse', book, delivery.doc_no, '--reason', '整单退回'], 'wang')).toBe(1);
    expect(await commits(['reverse', book, delivery.doc_no, '--reason', '再冲一次'], 'wang', 1)).toBe(0);
    expect(await commits(['reallocate', book, remittance.doc_no, '--reason', '按付款通知重新核销'], 'wang')).toBe(1);

    // 替换 on re-import: the old version reversed and the new posted, in the file's one transaction
    const changed = join(dir, 'deliveries-1.csv');
    writeFileSync(changed, '送货单号,送货日期,订单号,门店编号,商品编码,数量,单价,金额\nXSTX01,2026-10-21,POXSTX01,A010,P001,11,5.22,57.42\n');
    expect(await commits(['import', book, 'deliveries', changed, '--ka', 'RTM', '--replace', '--dry-run'], 'wang')).toBe(0);
    expect(await commits(['import', book, 'deliveries', changed, '--ka', 'RTM', '--replace', '--reason', '门店更正数量'], 'wang')).toBe(1);
    // 撤销导入 of the second file's batch; undoing it twice is refused
    const batches = await json<{ batch: number; file: string }[]>(['show', book, 'batches']);
    const second = batches.find((b) => b.file.endsWith('deliveries-2.csv'))!;
    expect(await commits(['import', book, '--undo', String(second.batch), '--reason', '导错文件'], 'wang')).toBe(1);
    expect(await commits(['import', book, '--undo', String(second.batch), '--reason', '导错文件'], 'wang', 1)).toBe(0);

    // 凭证: the mapping confirmed once, the month exported once, nothing new the second time
    expect(await commits(['vouchers', book, '--accept-proposals'], 'wang')).toBe(1);
    const out = join(dir, 'vouchers-2026-10.csv');
    expect(await commits(['vouchers', book, '--period', '2026-10', '--format', 'csv', '--out', out], 'wang')).toBe(1);
    expect(await commits(['vouchers', book, '--period', '2026-10', '--format', 'csv', '--out', join(dir, 'again.csv')], 'wang')).toBe(0);
    // writing the remembered vouchers again is audited (who made a copy of what was handed to the GL): one commit
    expect(await commits(['vouchers', book, '--period', '2026-10', '--again', '--format', 'csv', '--out', join(dir, 'copy.csv')], 'wang')).toBe(1);
    expect(await commits(['check', book])).toBe(0);
  });
});
