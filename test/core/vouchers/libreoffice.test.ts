import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { setAccountMapping } from '../../../core/vouchers/chart-mapping.js';
import { exportNewVouchers } from '../../../core/vouchers/export-vouchers.js';
import { findLayout } from '../../../core/vouchers/layouts.js';
import { addPeople } from '../../helpers/people.js';
import { fenOf } from '../../helpers/read-vouchers.js';
import { tempBook, tempDir } from '../../helpers/temp-book.js';
import { monthMovement, OWN_CODES, voucherMonth } from '../../helpers/voucher-book.js';

/** A real spreadsheet program opens each xlsx the exporter writes, and reads the same amounts from it. */
describe('the xlsx layouts in LibreOffice', () => {
  it('convert without complaint, and LibreOffice reads balanced vouchers adding up to the month’s movement', async () => {
    const book = await tempBook();
    const { wang } = addPeople(book);
    voucherMonth(book);
    for (const [account, code] of Object.entries(OWN_CODES)) {
      setAccountMapping(book, wang, account, { glCode: code, glName: account, auxCustomer: account === 'ar_ka' ? 'store' : 'none', auxSupplier: false, auxDepartment: false });
    }
    const dir = tempDir();
    const files: { name: string; debit: string; credit: string; code: string; voucher: string }[] = [
      { name: 'kingdee-k3', debit: '借方', credit: '贷方', code: '科目代码', voucher: '凭证号' },
      { name: 'kingdee-kis', debit: 'FDEBIT', credit: 'FCREDIT', code: 'FACCTID', voucher: 'FNUM' },
      { name: 'yonyou-u8-xlsx', debit: '金额借方', credit: '金额贷方', code: '科目编码', voucher: '凭证号' },
    ];
    // Each layout exports the same month afresh in a book of its own would be slow: re-export writes the same vouchers.
    const { rewriteVouchers } = await import('../../../core/vouchers/export-vouchers.js');
    await exportNewVouchers(book, { period: '2026-10', grouping: 'document', layout: findLayout('csv'), path: join(dir, 'first.csv'), user: wang });
    for (const f of files) await rewriteVouchers(book, { period: '2026-10', layout: findLayout(f.name), path: join(dir, `${f.name}.xlsx`), user: wang });

    const profile = pathToFileURL(join(dir, 'lo-profile')).href;
    const out = execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', join(dir, 'lo'),
      ...files.map((f) => join(dir, `${f.name}.xlsx`))], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    expect(out).not.toMatch(/error/i);
    const movement = new Map([...monthMovement(book, '2026-10')].map(([a, fen]) => [OWN_CODES[a]!, fen]));
    for (const f of files) {
      const rows = parse(readFileSync(join(dir, 'lo', `${f.name}.csv`), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
      expect(rows, f.name).toHaveLength(28);
      const byCode = new Map<string, number>();
      const byVoucher = new Map<string, number>();
      for (const r of rows) {
        const net = fenOf(r[f.debit]!) - fenOf(r[f.credit]!);
        byCode.set(r[f.code]!, (byCode.get(r[f.code]!) ?? 0) + net);
        byVoucher.set(r[f.voucher]!, (byVoucher.get(r[f.voucher]!) ?? 0) + net);
      }
      expect([...byVoucher.values()].every((v) => v === 0), f.name).toBe(true);
      expect(new Map([...byCode].filter(([, v]) => v !== 0)), f.name).toEqual(movement);
    }
    // The store as customer, the date as a date.
    const k3 = parse(readFileSync(join(dir, 'lo', 'kingdee-k3.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(k3[0]).toMatchObject({ 凭证日期: '2026-10-03', 核算项目: '客户---RTM-A021---大润发上海杨浦店' });
  }, 120_000);
});
