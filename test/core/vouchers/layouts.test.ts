import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { setAccountMapping } from '../../../core/vouchers/chart-mapping.js';
import { exportNewVouchers } from '../../../core/vouchers/export-vouchers.js';
import { BUILT_IN_LAYOUTS, chooseLayout, findLayout } from '../../../core/vouchers/layouts.js';
import { voucherLayout } from '../../../core/vouchers/layout-schema.js';
import { addPeople } from '../../helpers/people.js';
import { readXlsxSheet } from '../../helpers/read-vouchers.js';
import { tempBook, tempDir } from '../../helpers/temp-book.js';
import { OWN_CODES, voucherMonth } from '../../helpers/voucher-book.js';

describe('voucher layouts', () => {
  it('publishes the schema the exporter checks layouts with (run `node scripts/write-voucher-layout-schema.mjs` after changing it)', () => {
    const published = JSON.parse(readFileSync(new URL('../../../docs/voucher-layout.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const schema = z.toJSONSchema(voucherLayout, { io: 'input' }) as Record<string, unknown>;
    delete schema.$schema;
    expect(published.properties).toEqual(schema.properties);
    expect(published.required).toEqual(schema.required);
  });

  it('comes with a layout per GL, each saying where it came from, chosen by format and file type', () => {
    expect(BUILT_IN_LAYOUTS.map((l) => l.name)).toEqual(['kingdee-k3', 'kingdee-kis', 'yonyou-u8-xlsx', 'yonyou-u8-txt', 'csv']);
    for (const l of BUILT_IN_LAYOUTS) expect(l.source.length).toBeGreaterThan(100);
    expect(chooseLayout({ format: 'kingdee' }).name).toBe('kingdee-k3');
    expect(chooseLayout({ format: 'yonyou', extension: 'txt' }).name).toBe('yonyou-u8-txt');
    expect(chooseLayout({ format: 'yonyou', extension: 'xlsx' }).name).toBe('yonyou-u8-xlsx');
    expect(() => chooseLayout({ format: 'yonyou', layout: 'kingdee-kis' })).toThrow(expect.objectContaining({ code: 'vouchers.layout-format' }));
    expect(() => findLayout('sap')).toThrow(expect.objectContaining({ code: 'vouchers.unknown-layout', message: expect.stringContaining('kingdee-k3') }));
    // The K/3 layout has the 37 columns of a K/3 标准凭证 in K/3's order.
    expect(findLayout('kingdee-k3').columns.slice(0, 12).map((c) => c.heading)).toEqual(['凭证日期', '会计年度', '会计期间', '凭证字', '凭证号', '科目代码', '科目名称', '币别代码', '币别名称', '原币金额', '借方', '贷方']);
    expect(findLayout('kingdee-k3').columns).toHaveLength(37);
  });

  it('takes a layout file of the user’s own where a GL version differs, and names the field of a bad one', async () => {
    const book = await tempBook();
    const { wang } = addPeople(book);
    voucherMonth(book);
    for (const [account, code] of Object.entries(OWN_CODES)) setAccountMapping(book, wang, account, { glCode: code, glName: account, auxCustomer: 'none', auxSupplier: false, auxDepartment: false });
    const dir = tempDir();
    const mine = JSON.parse(readFileSync(new URL('../../../core/vouchers/layouts/yonyou-u8-xlsx.json', import.meta.url), 'utf8')) as { name: string; columns: { heading: string; value?: string }[]; file: { sheet: string } };
    mine.name = 'tplus-2024';
    mine.file.sheet = '凭证导入';
    mine.columns = [{ heading: '日期', value: 'date' }, { heading: '凭证字号', value: 'voucherKey' }, { heading: '摘要', value: 'summary' }, { heading: '科目编码', value: 'glCode' }, { heading: '借方金额', value: 'debit' }, { heading: '贷方金额', value: 'credit' }];
    const file = join(dir, 'tplus.json');
    writeFileSync(file, JSON.stringify(mine));
    const out = join(dir, 'tplus.xlsx');
    await exportNewVouchers(book, { period: '2026-10', grouping: 'document', layout: chooseLayout({ format: 'yonyou', layout: file }), path: out, user: wang });
    const rows = await readXlsxSheet(out, '凭证导入');
    expect(Object.keys(rows[0]!)).toEqual(['日期', '凭证字号', '摘要', '科目编码', '借方金额', '贷方金额']);
    expect(rows[0]).toMatchObject({ 日期: '2026-10-03', 凭证字号: '记-1', 科目编码: '1122', 借方金额: '472.8' });

    writeFileSync(file, JSON.stringify({ ...mine, columns: [{ heading: '日期', value: 'when' }] }));
    expect(() => findLayout(file)).toThrow(expect.objectContaining({ code: 'vouchers.layout-invalid', place: { file, field: 'columns.0.value' } }));
    writeFileSync(file, '{ not json');
    expect(() => findLayout(file)).toThrow(expect.objectContaining({ code: 'vouchers.layout-invalid', place: { file } }));
  });
});
