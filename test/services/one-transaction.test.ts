import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../bridge/dispatch.js';
import type { ServiceName } from '../../contract/service-contract.js';
import { BookSession } from '../../services/book-session.js';
type ServiceContext = Parameters<typeof dispatch>[0];
import { commitsDuring } from '../helpers/commits.js';

/**
 * The window's service methods, like the commands, are one transaction each: counted from the book's write-ahead
 * log, every method that only reads commits nothing, every one that writes commits once, and a refused one
 * commits nothing (a refused preparation: only the audit row of its refusal).
 */
const E2E = fileURLToPath(new URL('../fixtures/e2e/', import.meta.url));
let dir = '';
let book = '';
let ctx: ServiceContext;

async function commits(method: ServiceName, args: unknown, ok = true): Promise<{ n: number; result: any }> {
  let out: Awaited<ReturnType<typeof dispatch>> | undefined;
  const n = await commitsDuring(book, async () => {
    out = await dispatch(ctx, method, args);
  });
  expect(out!.ok, `${method}: ${JSON.stringify(out)}`.slice(0, 400)).toBe(ok);
  return { n, result: out!.ok ? out!.result : out!.error };
}

/** A path as the window's file dialog returns it: granted to the book thread once (services/path-grants.ts). */
function chosen(path: string, mode: 'read' | 'write' = 'read'): string {
  ctx.session.grants.grant(path, mode);
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-service-tx-'));
  ctx = { session: new BookSession(dir, 'os:tester'), control: {} };
  book = join(dir, 'demo.kasettle');
  const created = await dispatch(ctx, 'app.createBook', { path: book, demo: true });
  expect(created.ok).toBe(true);
  for (const [username, role] of [['admin', 'admin'], ['wang', 'accountant'], ['liu', 'credit_controller'], ['zhao', 'manager']] as const) {
    if (username !== 'admin') await dispatch(ctx, 'session.signIn', { username: 'admin', password: 'admin-password' });
    expect((await dispatch(ctx, 'users.add', { username, role, password: `${username}-password` })).ok).toBe(true);
  }
}, 120_000);
afterAll(() => {
  ctx.session.close();
  rmSync(dir, { recursive: true, force: true });
});

const as = (username: string) => dispatch(ctx, 'session.signIn', { username, password: `${username}-password` });

describe('every service method', () => {
  it('that only reads commits nothing', async () => {
    for (const [method, args] of [
      ['app.state', {}], ['book.summary', {}], ['book.periods', {}], ['book.check', {}], ['book.balances', { asOf: '2026-10-31' }],
      ['book.documents', { period: '2026-10', limit: 5 }], ['home.status', { period: '2026-10', asOf: '2026-10-31' }],
      ['ageing.report', { asOf: '2026-10-31' }], ['reconcile.lines', { from: '2026-10', to: '2026-10', limit: 5 }],
      ['master.list', { entity: 'stores' }], ['claims.list', {}], ['credits.list', {}], ['fees.deductions', { period: '2026-10' }],
      ['terms.contracts', {}], ['terms.explain', { contract: 'HT-RTM-2025', period: '2026-10' }], ['terms.accruals', { period: '2026-10' }],
      ['close.status', { period: '2026-10' }], ['statement.preview', { period: '2026-10', distributor: 'D01' }],
      ['credit.holds', { asOf: '2026-10-31' }], ['credit.watch', {}], ['credit.dunning', { asOf: '2026-10-31' }],
      ['import.preview', { kind: 'deliveries', path: chosen(`${E2E}rtm-deliveries.csv`), ka: 'RTM' }], ['import.mappings', {}],
      ['audit.list', { limit: 10 }], ['audit.verify', {}], ['users.list', {}], ['settings.get', {}],
    ] as [ServiceName, unknown][]) {
      expect((await commits(method, args)).n, method).toBe(0);
    }
  });

  it('that writes commits exactly once, and a refused one not at all', async () => {
    // Months close in order: the close runs on the book's first month, 2025-11.
    expect((await commits('reconcile.run', { period: '2025-11', asOf: '2025-12-15' })).n).toBe(1);
    expect((await commits('terms.accrue', { period: '2025-11' })).n).toBe(1);
    expect((await commits('credit.exposure', { asOf: '2025-11-30' })).n).toBe(1);
    const lines = (await commits('reconcile.lines', { from: '2025-11', to: '2025-11', status: 'short', limit: 5 })).result.rows;
    expect((await commits('reconcile.decide', { lineId: lines[0].line_id, decision: 'annotated', note: '破损' })).n).toBe(1);
    expect((await commits('reconcile.decide', { lineId: lines[0].line_id, decision: 'overridden', to: 'matched' }, false)).n).toBe(0);
    const claim = (await commits('claims.list', { status: 'draft' })).result.claims.find((c: { period: string }) => c.period === '2025-11');
    expect((await commits('claims.move', { id: claim.id, to: 'submitted', date: '2025-12-05' })).n).toBe(1);
    expect((await commits('claims.move', { id: claim.id, to: 'written_off', date: '2025-12-05' }, false)).n).toBe(0);
    expect((await commits('claims.attach', { id: claim.id, path: chosen(`${E2E}rtm-receipts.csv`) })).n).toBe(1);
    expect((await commits('import.commit', { kind: 'deliveries', path: chosen(`${E2E}rtm-deliveries-bad-rows.csv`), ka: 'RTM' })).n).toBe(0);
    expect((await commits('import.commit', { kind: 'deliveries', path: chosen(`${E2E}rtm-deliveries.csv`), ka: 'RTM' })).n).toBe(1);

    await as('wang');
    expect((await commits('close.prepare', { period: '2025-11' }, false)).n).toBe(1);
    expect((await commits('close.accept', { period: '2025-11', keys: 'all', reason: '已与KA核对' })).n).toBe(1);
    expect((await commits('close.prepare', { period: '2025-11' })).n).toBe(1);
    await as('liu');
    expect((await commits('close.review', { period: '2025-11' })).n).toBe(1);
    expect((await commits('credit.setLimit', { party: 'MET', limitFen: 100_000, reason: '回款慢' })).n).toBe(1);
    expect((await commits('credit.overrideHold', { ka: 'MET', until: '2026-11-30', reason: '总经理同意' })).n).toBe(1);
    expect((await commits('credit.followUp', { ka: 'RTM', note: '已催款' })).n).toBe(1);
    expect((await commits('statement.confirm', { period: '2025-11', distributor: 'D01', party: 'manufacturer', result: 'confirmed' })).n).toBe(1);
    await as('zhao');
    // Approval backs the book up first (a file beside it), then closes the month in one transaction.
    expect((await commits('close.approve', { period: '2025-11' })).n).toBe(1);
    await as('admin');
    expect((await commits('close.reopen', { period: '2025-11', reason: '漏记验收单' })).n).toBe(1);
    expect((await commits('settings.set', { key: 'reconcile.window_days', value: 9 })).n).toBe(1);
    expect((await commits('settings.set', { key: 'credit.hold_mode', value: 'sometimes' }, false)).n).toBe(0);
    expect((await commits('users.disable', { username: 'wang' })).n).toBe(1);
    expect((await commits('users.password', { password: 'admin-password-2' })).n).toBe(1);
  });

  it('that corrects or exports commits exactly once, a refused one not at all, and their views nothing', async () => {
    await as('zhao');
    type Doc = { id: number; kind: string; doc_no: string; reversed_by: number | null; reverses_id: number | null };
    const docs = async (kind: string) => (await commits('book.documents', { period: '2026-10', kind, limit: 1000 })).result.rows as Doc[];
    const delivery = (await docs('delivery')).find((d) => d.reversed_by === null && d.reverses_id === null)!;
    const remittance = (await docs('remittance'))[0]!;
    for (const [method, args] of [
      ['corrections.chain', { documentId: delivery.id }], ['corrections.batches', {}], ['corrections.remittances', { period: '2026-10' }],
      ['corrections.openItems', { remittanceId: remittance.id }], ['vouchers.mapping', { period: '2026-10' }], ['vouchers.layouts', {}],
      ['vouchers.preview', { period: '2026-10', grouping: 'document' }], ['vouchers.auxItems', {}],
    ] as [ServiceName, unknown][]) {
      expect((await commits(method, args)).n, method).toBe(0);
    }
    expect((await commits('corrections.reverse', { documentId: delivery.id, reason: '整单退回' })).n).toBe(1);
    expect((await commits('corrections.reverse', { documentId: delivery.id, reason: '再冲一次' }, false)).n).toBe(0);
    expect((await commits('corrections.reallocate', { remittanceId: remittance.id, mode: 'references', reason: '按付款通知' })).n).toBe(1);
    const batches = (await commits('corrections.batches', {})).result.rows as { batch: number; file: string | null }[];
    const batchId = batches.find((b) => b.file?.endsWith('rtm-deliveries.csv'))!.batch;
    expect((await commits('corrections.undoImport', { batchId, reason: '导错文件' })).n).toBe(1);
    expect((await commits('corrections.undoImport', { batchId, reason: '导错文件' }, false)).n).toBe(0);
    expect((await commits('vouchers.export', { period: '2026-10', grouping: 'document', layout: 'csv', path: chosen(join(dir, 'blocked.csv'), 'write') }, false)).n).toBe(0);
    expect((await commits('vouchers.acceptProposals', {})).n).toBe(1);
    expect((await commits('vouchers.export', { period: '2026-10', grouping: 'document', layout: 'csv', path: chosen(join(dir, 'vouchers.csv'), 'write') })).n).toBe(1);
    expect((await commits('vouchers.reexport', { period: '2026-10', layout: 'csv', path: chosen(join(dir, 'copy.csv'), 'write') })).n).toBe(1);
  });
});
