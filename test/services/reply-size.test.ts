import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../bridge/dispatch.js';
import type { ServiceName } from '../../contract/service-contract.js';
import { BookSession } from '../../services/book-session.js';

/**
 * No reply to the window is over 500 KB (issue 18 point 4): a reply of megabytes froze the window for seconds. Every
 * reply the statement preview, its detail tables, the workbench and its drill-downs, and the invoices' match and
 * differences give on the demo book is weighed as the bridge sends it (JSON), each at the largest page the contract
 * allows.
 */
const LIMIT_KB = 500;
let dir: string;
let ctx: Parameters<typeof dispatch>[0];
const weighed: { method: string; kb: number }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-replies-'));
  ctx = { session: new BookSession(dir, 'tester'), control: {} };
  await call('app.createBook', { path: join(dir, 'demo.kasettle'), demo: true });
}, 60_000);
afterAll(() => {
  ctx.session.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: ServiceName, args: unknown) {
  const out = await dispatch(ctx, method, args);
  if (!out.ok) throw new Error(`${method}: ${JSON.stringify(out.error)}`);
  weighed.push({ method, kb: Buffer.byteLength(JSON.stringify(out.result)) / 1024 });
  return out.result as any;
}

describe('the size of the window\'s replies', () => {
  it('keeps every statement, detail page, workbench page and drill-down reply under 500 KB', async () => {
    const distributors = (await call('master.list', { entity: 'distributors' })).rows.map((d: { code: string }) => d.code);
    expect(distributors.length).toBeGreaterThan(0);
    const period = '2026-09';
    let biggestTable = 0;
    for (const distributor of distributors) {
      const preview = await call('statement.preview', { period, distributor });
      for (const t of preview.details as { table: number; rows: number }[]) {
        if (t.rows === 0) continue;
        biggestTable = Math.max(biggestTable, t.rows);
        await call('statement.detailPage', { period, distributor, table: t.table, offset: 0, limit: 500 });
        await call('statement.detailPage', { period, distributor, table: t.table, offset: Math.max(0, t.rows - 500), limit: 500 });
      }
    }
    // the demo's largest table is longer than a page, so the page limit is what keeps its replies small
    expect(biggestTable).toBeGreaterThan(500);
    for (const status of [undefined, 'unmatched', 'short']) {
      const first = await call('reconcile.lines', { from: '2025-11', to: '2026-10', ...(status ? { status } : {}), withTotal: true, offset: 0, limit: 500 });
      for (const row of first.rows.slice(0, 3)) await call('reconcile.line', { lineId: row.line_id });
    }
    await call('book.documents', { kind: 'delivery', period, limit: 1000 });
    // 发票: the month's match per KA, then each KA month's differences at the largest page.
    const match = await call('invoices.match', { periods: [period] });
    expect(match.rows.length).toBeGreaterThan(0);
    for (const row of match.rows as { ka: { code: string } }[]) await call('invoices.gaps', { period, ka: row.ka.code, offset: 0, limit: 500 });
    const over = weighed.filter((w) => w.kb > LIMIT_KB);
    expect(over, JSON.stringify(over)).toEqual([]);
    expect(weighed.filter((w) => w.method === 'statement.detailPage').length).toBeGreaterThan(distributors.length);
  }, 120_000);
});
