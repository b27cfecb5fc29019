import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/import/import-file.js';
import { editMasterRecord, masterRecord } from '../../../core/master-data/edit-master-data.js';
import { bookState, importOk, sepBook } from '../../helpers/sep-book.js';
import { tempDir } from '../../helpers/temp-book.js';

const write = (name: string, text: string) => {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
};

describe('ERP customer codes on stores', () => {
  it('come with the stores import, are found in an ERP delivery export, and one code names one store', async () => {
    const book = await sepBook();
    const stores = write('stores.csv', `门店编号,门店名称,所属系统,区域,配送经销商,客户编码
A108,大润发杭州萧山店,RTM,华东,D01,0101009
35,麦德龙无锡商场,MET,华东,D01,
`);
    expect((await importOk(book, 'stores', stores)).created).toBe(2);
    expect(book.db.prepare("SELECT store_code, erp_customer_code AS erp FROM stores WHERE store_code IN ('A108', '35') ORDER BY store_code").all())
      .toEqual([{ store_code: '35', erp: null }, { store_code: 'A108', erp: '0101009' }]);
    const u8 = write('u8.csv', `出库日期,出库单号,客户编码,客户,存货编码,数量,含税单价,价税合计
2026-09-12,XSCK01,0101009,杭州大润发萧山店,P001,24,6.40,153.60
`);
    const r = await importOk(book, 'deliveries', u8);
    expect(r.storeReadings).toEqual([{ text: '0101009', reading: 'customer-code', store: { ka: 'RTM', code: 'A108', name: '大润发杭州萧山店' }, rows: 1 }]);

    const before = bookState(book);
    const twice = write('twice.csv', `门店编号,门店名称,所属系统,区域,客户编码
A109,大润发杭州滨江店,RTM,华东,0101009
`);
    const refused = await importFile(book, twice, { kind: 'stores', actor: 't' });
    expect(refused.errors.map((e) => [e.row, e.field, e.reason.code])).toEqual([[2, '客户编码 (column E)', 'import.erp-code-taken']]);
    expect(bookState(book)).toBe(before);
  });

  it('are edited in 主数据 with the store, audited, and refused when another store has the code', async () => {
    const book = await sepBook();
    const record = masterRecord(book, 'stores', 'RTM/A021');
    expect(editMasterRecord(book, 'stores', { ...record, erpCustomerCode: 'KH-0001' }, 'lihua')).toEqual({ key: 'RTM/A021', outcome: 'updated' });
    expect(masterRecord(book, 'stores', 'RTM/A021').erpCustomerCode).toBe('KH-0001');
    expect(book.db.prepare("SELECT erp_customer_code AS erp FROM stores WHERE store_code = 'A021'").get()).toEqual({ erp: 'KH-0001' });
    const other = masterRecord(book, 'stores', 'RTM/A035');
    expect(() => editMasterRecord(book, 'stores', { ...other, erpCustomerCode: 'KH-0001' }, 'lihua')).toThrow(/already belongs to store RTM\/A021/);
  });
});
