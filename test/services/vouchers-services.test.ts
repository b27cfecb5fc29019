import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../bridge/dispatch.js';
import { serviceContract, type ServiceName } from '../../contract/service-contract.js';
import { BookSession } from '../../services/book-session.js';
type DispatchContext = Parameters<typeof dispatch>[0];
import { readXlsxSheet, sums } from '../helpers/read-vouchers.js';
import { tempDir } from '../helpers/temp-book.js';
import { voucherBookFile } from '../helpers/voucher-book.js';

/** 凭证导出 as the window calls it: every answer checked against the contract, every refusal a code with its words. */
describe('the vouchers through the service contract', () => {
  it('maps, previews, exports once, refuses nothing-new and the unmapped, and re-exports byte for byte', async () => {
    const path = await voucherBookFile();
    const dir = tempDir();
    const ctx: DispatchContext = { session: new BookSession(dir, 'os:tester'), control: {} };
    await ctx.session.open(path);
    const attempt = (method: ServiceName, args: unknown) => dispatch(ctx, method, args);
    const call = async (method: ServiceName, args: unknown): Promise<any> => {
      const out = await attempt(method, args);
      if (!out.ok) throw new Error(`${method}: ${JSON.stringify(out.error)}`);
      const checked = serviceContract[method].result.safeParse(out.result);
      expect(checked.success, `${method}: ${checked.success ? '' : JSON.stringify(checked.error.issues.slice(0, 3))}`).toBe(true);
      return out.result;
    };
    // A path as the save dialog returns it: granted to the book thread once (services/path-grants.ts).
    const chosen = (p: string) => {
      ctx.session.grants.grant(p, 'write');
      return p;
    };
    try {
      expect(await attempt('vouchers.acceptProposals', {})).toMatchObject({ ok: false, error: { code: 'security.sign-in-required' } });
      ctx.session.signIn('wang', 'wang-pass-1');
      const preview = await call('vouchers.preview', { period: '2026-10', grouping: 'document' });
      expect(preview.unmapped.length).toBe(11);
      const refused = await attempt('vouchers.export', { period: '2026-10', grouping: 'document', layout: 'kingdee-k3', path: chosen(join(dir, 'x.xlsx')) });
      expect(refused).toMatchObject({ ok: false, status: 422, error: { code: 'vouchers.unmapped', params: { period: '2026-10', accounts: expect.arrayContaining([{ code: 'vouchers.account', params: { account: 'ar_ka' } }]) } } });

      expect((await call('vouchers.acceptProposals', {})).accepted).toBe(13);
      expect((await call('vouchers.mapping', { period: '2026-10' })).rows.find((r: { account: string }) => r.account === 'adjustment').state).toBe('unmapped');
      await call('vouchers.setMapping', { account: 'adjustment', glCode: '6711', glName: '营业外支出', auxCustomer: 'none', auxSupplier: false, auxDepartment: false });
      expect(await attempt('vouchers.setMapping', { account: 'bank', glCode: '1122', glName: '', auxCustomer: 'none', auxSupplier: false, auxDepartment: false }))
        .toMatchObject({ ok: false, error: { code: 'vouchers.aux-conflict', field: 'aux' } });
      await call('vouchers.setAuxItem', { party: 'ka', code: 'MET', glCode: '0102', glName: '麦德龙' });
      expect((await call('vouchers.auxItems', {})).rows.find((r: { code: string }) => r.code === 'MET')).toMatchObject({ glCode: '0102', overridden: true });
      expect((await call('vouchers.layouts', {})).layouts.map((l: { name: string }) => l.name)).toContain('yonyou-u8-txt');

      const ready = await call('vouchers.preview', { period: '2026-10', grouping: 'day_kind' });
      expect(ready).toMatchObject({ pendingDocuments: 14, voucherCount: 13, unmapped: [], blocked: null });
      const file = join(dir, 'u8.xlsx');
      const exported = await call('vouchers.export', { period: '2026-10', grouping: 'day_kind', layout: 'yonyou-u8-xlsx', path: chosen(file) });
      expect(exported).toMatchObject({ file, rows: 13, vouchers: 13, documents: 14, batch: 1, debit: ready.debit });
      const rows = await readXlsxSheet(file, '凭证');
      expect([...sums(rows, { voucher: ['凭证号'], code: '科目编码', debit: '金额借方', credit: '金额贷方' }).byVoucher.values()].every((v) => v === 0)).toBe(true);
      expect(rows.some((r) => r['客户编码'] === '0102')).toBe(true);

      expect(await attempt('vouchers.export', { period: '2026-10', grouping: 'day_kind', layout: 'yonyou-u8-xlsx', path: chosen(join(dir, 'y.xlsx')) }))
        .toMatchObject({ ok: false, error: { code: 'vouchers.nothing-new', params: { vouchers: 13 } } });
      const again = join(dir, 'again.xlsx');
      expect(await call('vouchers.reexport', { period: '2026-10', batch: 1, layout: 'yonyou-u8-xlsx', path: chosen(again) })).toMatchObject({ vouchers: 13, batch: 1 });
      expect(readFileSync(again).equals(readFileSync(file))).toBe(true);
      expect((await call('vouchers.list', { period: '2026-10' })).rows).toHaveLength(13);
      expect((await call('vouchers.preview', { period: '2026-10', grouping: 'document' })).exports).toMatchObject([{ id: 1, layout: 'yonyou-u8-xlsx', grouping: 'day_kind', created_by: 'wang', vouchers: 13 }]);

      // The chart from the window: a file the user drops, read with the import machinery.
      const chart = join(dir, '科目.xlsx');
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('科目');
      ws.addRow(['科目编码', '科目名称', '辅助核算']);
      ws.addRow(['1122', '应收账款', '客户往来']);
      ws.addRow(['6001', '主营业务收入', '']);
      await wb.xlsx.writeFile(chart);
      expect(await call('vouchers.importChart', { path: chart })).toMatchObject({ headerRow: 1, accounts: 2, leaves: 2 });
    } finally {
      ctx.session.close();
    }
  });
});
