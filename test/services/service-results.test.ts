import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../bridge/dispatch.js';
import { serviceContract, type ServiceName } from '../../contract/service-contract.js';
import { BookSession } from '../../services/book-session.js';
type DispatchContext = Parameters<typeof dispatch>[0];
import { SEP } from '../helpers/sep-book.js';

let dir: string;
let ctx: DispatchContext;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-services-'));
  ctx = { session: new BookSession(dir, 'tester'), control: {} };
});
afterAll(() => {
  ctx.session.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Calls a method as the window does and checks the answer against the contract's result schema. */
async function call(method: ServiceName, args: unknown) {
  const out = await dispatch(ctx, method, args);
  if (!out.ok) throw new Error(`${method}: ${JSON.stringify(out.error)}`);
  const checked = serviceContract[method].result.safeParse(out.result);
  expect(checked.success, `${method}: ${checked.success ? '' : JSON.stringify(checked.error.issues.slice(0, 3))}`).toBe(true);
  return out.result as any;
}

describe('what each service method returns', () => {
  it('matches the contract’s result schema for every method, on the demo book', async () => {
    expect((await call('app.state', {})).book).toBeNull();
    const state = await call('app.createBook', { path: join(dir, 'demo.kasettle'), demo: true });
    expect(state.book).toMatchObject({ isDemo: true, name: 'demo' });
    const periods = (await call('book.periods', {})).periods;
    expect(periods.filter((p: { deliveries: number }) => p.deliveries > 0)).toHaveLength(12);
    await call('book.summary', {});
    expect((await call('book.check', {})).ok).toBe(true);
    await call('home.status', { period: '2026-09', asOf: '2026-09-30' });
    await call('reconcile.run', { period: '2026-09', asOf: '2026-10-15' });
    const lines = await call('reconcile.lines', { from: '2026-09', to: '2026-09', withTotal: true, limit: 50 });
    await call('reconcile.line', { lineId: lines.rows[0].line_id });
    await call('reconcile.decide', { lineId: lines.rows[0].line_id, decision: 'confirmed' });
    await call('reconcile.export', { from: '2026-09', to: '2026-09', status: 'over' });
    // the statement's summary names its detail tables; a page of the first has its rows
    const preview = await call('statement.preview', { period: '2026-09', distributor: 'D01' });
    expect(preview.details[0].rows).toBeGreaterThan(0);
    const detail = await call('statement.detailPage', { period: '2026-09', distributor: 'D01', table: 0, offset: 0, limit: 50 });
    expect(detail).toMatchObject({ table: 0, total: preview.details[0].rows });
    expect(detail.rows).toHaveLength(Math.min(50, preview.details[0].rows));
    const printed = await call('statement.printHtml', { period: '2026-09', distributor: 'D01' });
    expect(printed.html.length).toBeGreaterThan(preview.html.length);
    expect(printed.html).toContain(String(detail.rows[0].delivery_no));
    expect(preview.html).not.toContain(String(detail.rows[0].delivery_no));
    expect((await call('master.list', { entity: 'ka-accounts' })).rows.map((k: { code: string }) => k.code)).toEqual(['CRF', 'MET', 'RTM', 'WMT', 'YH']);
    await call('claims.list', {});
    await call('ageing.report', { asOf: '2026-09-30' });
    await call('import.preview', { kind: 'stores', path: `${SEP}04-stores.csv` });
    await call('import.mappings', {});
    expect((await call('import.confirmCustomers', { pairs: [{ customerCode: 'U8-0101001', customerName: '上海大润发', ka: 'RTM', storeCode: 'A010' }] })).confirmed)
      .toEqual([{ code: 'U8-0101001', ka: 'RTM', storeCode: 'A010' }]);
    const stores = join(dir, 'stores.csv');
    writeFileSync(stores, '门店编号,门店名称,所属系统,区域\nZ900,大润发测试店,RTM,华东\n');
    expect((await call('import.commit', { kind: 'stores', path: stores, saveMappingAs: '门店表' })).committed).toBe(true);
    expect((await call('import.mappings', { kind: 'stores' })).mappings.map((m: { name: string }) => m.name)).toEqual(['门店表']);
    await call('import.dropMapping', { name: '门店表', kind: 'stores', ka: '' });
    const backup = await call('book.backup', {});
    expect((await call('book.backups', {})).backups[0].file).toBe(backup.file);
    await call('book.restore', { file: backup.file });
    expect((await call('app.closeBook', {})).book).toBeNull();
    expect((await call('app.openBook', { path: join(dir, 'demo.kasettle') })).recent[0]).toMatchObject({ path: join(dir, 'demo.kasettle'), exists: true });
  }, 60_000);

  it('refuses a file that is not a book, keeping what was open', async () => {
    const stranger = join(dir, 'notes.kasettle');
    writeFileSync(stranger, 'not sqlite at all');
    const before = ctx.session.book?.path;
    const out = await dispatch(ctx, 'app.openBook', { path: stranger });
    expect(out).toMatchObject({ ok: false, error: { code: 'book.not-a-book', file: stranger } });
    expect(ctx.session.book?.path).toBe(before);
    expect((await dispatch(ctx, 'app.createBook', { path: stranger, demo: true }))).toMatchObject({ ok: false, error: { code: 'book.demo-exists' } });
  });

  it('keeps the recent list in a small file and shrugs off a damaged one', () => {
    writeFileSync(join(dir, 'recent-books.json'), '{ not json');
    expect(ctx.session.state().recent).toEqual([]);
  });
});
