import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDeliveryCsv } from '../../bench/delivery-csv.js';
import { serveBridge, type Bridge } from '../../bridge/serve.js';
import { openExistingBook } from '../../core/book/open-book.js';
import { BookHost } from '../../services/book-host.js';
import { QUIRKS, SEP, sepBook } from '../helpers/sep-book.js';
import { tempDir } from '../helpers/temp-book.js';

const RENDERER = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

let bridge: Bridge | undefined;
let host: BookHost | undefined;
afterEach(async () => {
  await bridge?.close();
  await host?.close();
  bridge = undefined;
  host = undefined;
});

async function start(home = tempDir()) {
  host = new BookHost({ home, actor: 'tester', logFile: join(home, 'ka-settle.log') });
  bridge = await serveBridge(host, { staticDir: RENDERER, workDir: join(home, '.bridge') });
  return { home, bridge };
}

type Body = { ok: boolean; result?: any; download?: string; error?: { code: string; message: string; field?: string; row?: number; file?: string } };
async function call(b: Bridge, method: string, args: unknown, options: { token?: string; callId?: string; route?: string } = {}) {
  const res = await fetch(`${b.url}/${options.route ?? 'api'}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ka-settle-token': options.token ?? b.token, ...(options.callId ? { 'x-ka-settle-call': options.callId } : {}) },
    body: JSON.stringify(args),
  });
  return { status: res.status, body: (await res.json()) as Body };
}

describe('the browser bridge', () => {
  it('serves the window and the contract on 127.0.0.1 with a per-run token, and refuses everything else', async () => {
    const { home, bridge: b } = await start();
    expect(b.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(b.token).toMatch(/^[0-9a-f]{48}$/);

    const page = await fetch(`${b.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    expect((await fetch(`${b.url}/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${b.url}/assets/../../package.json`)).status).toBe(404);

    expect((await call(b, 'book.summary', {}, { token: 'wrong' })).status).toBe(401);
    expect((await call(b, 'book.drop', {})).body.error).toMatchObject({ code: 'unknown-method' });
    expect((await call(b, 'book.summary', {})).body.error).toMatchObject({ code: 'book.no-book' });
    const bad = await call(b, 'reconcile.lines', { from: '2026-13', to: '2026-13' });
    expect(bad).toMatchObject({ status: 400, body: { ok: false, error: { code: 'invalid-arguments', field: 'from' } } });

    const created = await call(b, 'app.createBook', { path: join(home, 'demo.kasettle'), demo: true });
    expect(created.body.result.book).toMatchObject({ name: 'demo', isDemo: true });
    expect(created.body.result.recent[0]).toMatchObject({ path: join(home, 'demo.kasettle'), exists: true });
    const summary = await call(b, 'book.summary', {});
    expect(summary.body.result.masterData.stores).toBeGreaterThan(120);

    const run = await call(b, 'reconcile.run', { period: '2026-06', asOf: '2026-07-31' });
    expect(run.body.result.deliveryLines.matched).toBeGreaterThan(1000);
    const lines = await call(b, 'reconcile.lines', { from: '2026-06', to: '2026-06', status: 'short', limit: 5, withTotal: true });
    expect(lines.body.result.rows).toHaveLength(5);
    expect(lines.body.result.total).toBe(run.body.result.deliveryLines.short);
    const lineId = lines.body.result.rows[0].line_id;
    const decided = await call(b, 'reconcile.decide', { lineId, decision: 'annotated', note: 'driver signed for 4 cases' });
    // A book without users is unprotected, and every write through the bridge says so.
    expect(decided.body).toEqual({ ok: true, result: { lineId, decided: true }, notice: { code: 'security.unprotected', params: { actor: 'tester' } } });
    const home1 = await call(b, 'home.status', { period: '2026-06', asOf: '2026-07-31' });
    expect(home1.body.result).toMatchObject({ period: '2026-06', periodStatus: 'open' });
    expect(home1.body.result.reconciledAt).toEqual(expect.any(String));
    expect((await call(b, 'ageing.report', { asOf: '2026-07-31' })).body.result.ties).toBe(true);

    // The grid's view as .xlsx, written for the browser to download with the token.
    const exported = await call(b, 'reconcile.export', { args: { from: '2026-06', to: '2026-06', status: 'short' }, fileName: '对账明细.xlsx' }, { route: 'export' });
    expect(exported.body.result.rows).toBe(run.body.result.deliveryLines.short);
    expect((await fetch(`${b.url}${exported.body.download}`)).status).toBe(401);
    const file = await fetch(`${b.url}${exported.body.download}?token=${b.token}`);
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('对账明细.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await file.arrayBuffer()) as never);
    expect(wb.worksheets[0]!.rowCount).toBe(run.body.result.deliveryLines.short + 1);

    // A request naming another host (DNS rebinding) is refused.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(`${b.url}/api/book.summary`, { method: 'POST', headers: { host: 'evil.example:80', 'x-ka-settle-token': b.token } }, (res) => resolve(res.statusCode ?? 0));
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('takes an uploaded file, previews and commits it, and returns row errors as typed errors in the user’s words', async () => {
    const book = await sepBook();
    const path = book.path;
    book.close();
    const { bridge: b } = await start();
    expect((await call(b, 'app.openBook', { path })).body.result.book.path).toBe(path);

    const upload = await fetch(`${b.url}/upload`, { method: 'PUT', headers: { 'x-ka-settle-token': b.token, 'x-file-name': encodeURIComponent('../送货 10月.csv') }, body: readFileSync(`${SEP}10-deliveries.csv`) });
    const staged = ((await upload.json()) as Body).result.path as string;
    expect(staged).toMatch(/uploads[\\/][0-9a-f-]{36}[\\/]送货 10月\.csv$/);
    const preview = await call(b, 'import.preview', { kind: 'deliveries', path: staged });
    expect(preview.body.result).toMatchObject({ dryRun: true, committed: false, created: 4, headerRow: 1 });
    expect(preview.body.result.sample.headings).toContain('送货单号');
    expect(preview.body.result.fields.find((f: { field: string }) => f.field === 'docNo')).toMatchObject({ required: true });
    const bad = await call(b, 'import.preview', { kind: 'deliveries', path: `${QUIRKS}deliveries-bad-rows.csv` });
    expect(bad.body.result.errors[0]).toMatchObject({ row: 3, field: '门店编号 (column D)' });
    const committed = await call(b, 'import.commit', { kind: 'deliveries', path: staged, saveMappingAs: 'ERP 送货' });
    expect(committed.body.result).toMatchObject({ committed: true, created: 4 });
    expect((await call(b, 'import.mappings', { kind: 'deliveries' })).body.result.mappings[0]).toMatchObject({ name: 'ERP 送货', kind: 'deliveries' });
    const old = await call(b, 'import.commit', { kind: 'receipts', path: `${QUIRKS}old-binary.xls` });
    expect(old).toMatchObject({ status: 422, body: { ok: false, error: { code: 'import-files.xls-damaged', file: `${QUIRKS}old-binary.xls` } } });
    expect(JSON.stringify(old.body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('reports a long import’s progress and cancels it, leaving the book as it was', async () => {
    const book = await sepBook();
    const path = book.path;
    const big = join(tempDir(), 'big.csv');
    await writeDeliveryCsv(book, big, 300_000);
    book.close();
    const { bridge: b } = await start();
    await call(b, 'app.openBook', { path });
    const before = (await call(b, 'book.summary', {})).body.result.documents;

    const running = call(b, 'import.commit', { kind: 'deliveries', path: big }, { callId: 'big-import' });
    let seen: { step: string; done?: number } | undefined;
    for (let i = 0; i < 200 && !seen; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const p = await fetch(`${b.url}/progress`, { method: 'POST', headers: { 'x-ka-settle-token': b.token } });
      seen = ((await p.json()) as Body).result.events.find((e: { callId: string }) => e.callId === 'big-import');
    }
    expect(seen).toMatchObject({ step: 'read-rows', done: expect.any(Number) });
    const cancel = await fetch(`${b.url}/cancel/big-import`, { method: 'POST', headers: { 'x-ka-settle-token': b.token } });
    expect(((await cancel.json()) as Body).result).toEqual({ cancelled: true });
    const out = await running;
    expect(out).toMatchObject({ status: 422, body: { ok: false, error: { code: 'work.cancelled' } } });
    expect((await call(b, 'book.summary', {})).body.result.documents).toEqual(before);
  });
});

describe('backups and restore through the contract', () => {
  it('lists backups, refuses a foreign file, and restores a backup after saving the book as it was', async () => {
    const book = await sepBook();
    const path = book.path;
    book.close();
    const { home, bridge: b } = await start();
    await call(b, 'app.openBook', { path });
    const backup = (await call(b, 'book.backup', {})).body.result.file as string;
    expect(existsSync(backup)).toBe(true);
    await call(b, 'import.commit', { kind: 'deliveries', path: `${SEP}10-deliveries.csv` });
    const withDeliveries = (await call(b, 'book.summary', {})).body.result.documents;
    expect(withDeliveries.find((d: { kind: string }) => d.kind === 'delivery')?.documents).toBe(4);

    const stranger = join(home, 'not-a-book.kasettle');
    writeFileSync(stranger, 'hello');
    const refused = await call(b, 'book.restore', { file: stranger });
    expect(refused.body.error?.code).toMatch(/^book\.not-a-book|invalid-backup$/);
    expect((await call(b, 'book.summary', {})).body.result.documents).toEqual(withDeliveries);

    expect((await call(b, 'book.backups', {})).body.result.backups.map((x: { file: string }) => x.file)).toContain(backup);
    const restored = await call(b, 'book.restore', { file: backup });
    expect(restored.body.result.restoredFrom).toBe(backup);
    expect((await call(b, 'book.summary', {})).body.result.documents.find((d: { kind: string }) => d.kind === 'delivery')).toBeUndefined();
    // The book as it was before the restore is itself a backup, and holds the deliveries.
    const safety = await openExistingBook(restored.body.result.safetyCopy, { readonly: true });
    expect((safety.db.prepare("SELECT count(*) AS n FROM documents WHERE kind = 'delivery'").get() as { n: number }).n).toBe(4);
    safety.close();
  });
});
