import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreFinder } from '../../../core/import/find-stores.js';
import { importFile } from '../../../core/import/import-file.js';
import { storeCellParts } from '../../../core/import/store-cells.js';
import { MasterDataWriter } from '../../../core/master-data/save-master-data.js';
import type { Book } from '../../../db/connection.js';
import { sepBook } from '../../helpers/sep-book.js';
import { tempDir } from '../../helpers/temp-book.js';

/** The September sample plus 家乐福 with numeric codes, 联华 with its LH prefix and 物美 with leading zeros. */
async function storesBook(): Promise<Book> {
  const book = await sepBook();
  book.write(() => {
    const w = new MasterDataWriter(book, 'tester');
    w.kaAccount({ code: 'CRF', name: '家乐福', paymentTermsDays: 60 });
    w.kaAccount({ code: 'LH', name: '联华', paymentTermsDays: 60 });
    w.kaAccount({ code: 'WM', name: '物美', paymentTermsDays: 45 });
    w.store({ kaCode: 'CRF', storeCode: '101', name: '家乐福上海古北店', region: '华东', distributorCode: 'D01' });
    w.store({ kaCode: 'CRF', storeCode: '102', name: '家乐福上海万里店', region: '华东', distributorCode: 'D01' });
    w.store({ kaCode: 'CRF', storeCode: '103', name: '家乐福北京万里店', region: '华北', distributorCode: 'D01' });
    w.store({ kaCode: 'LH', storeCode: 'LH0035', name: '联华南京东路店', region: '华东', distributorCode: 'D01' });
    w.store({ kaCode: 'WM', storeCode: '0101', name: '物美联想桥店', region: '华北', distributorCode: 'D01', erpCustomerCode: '01.0023' });
  });
  return book;
}

describe('store cells', () => {
  it('splits code and name joined every common way, code first or name first, half- or full-width', () => {
    const first = (text: string) => storeCellParts(text).readings[0];
    for (const cell of ['101-上海古北店', '101－上海古北店', '101 上海古北店', '101_上海古北店', '101:上海古北店', '[101]上海古北店', '【101】上海古北店', '(101)上海古北店',
      '（101）上海古北店', '101上海古北店', '门店：101 上海古北店']) {
      expect(first(cell), cell).toEqual({ code: '101', name: '上海古北店' });
    }
    for (const cell of ['上海古北店-101', '上海古北店 101', '上海古北店(101)', '上海古北店（101）', '上海古北店【101】', '上海古北店101']) {
      expect(first(cell), cell).toEqual({ code: '101', name: '上海古北店' });
    }
    expect(storeCellParts('A021').readings).toEqual([{ code: 'A021' }]);
    expect(storeCellParts('KH-0001').readings).toEqual([{ code: 'KH-0001' }]);
    expect(storeCellParts('01.0023 上海大润发杨浦店').readings[0]).toEqual({ code: '01.0023', name: '上海大润发杨浦店' });
    expect(storeCellParts('上海古北店').readings).toEqual([{ name: '上海古北店' }]);
    for (const chain of ['全系统', '全部门店', '总部', 'ALL', '全国']) expect(storeCellParts(chain).chain, chain).toBe(true);
  });

  it('finds the store and says how: code, code and name, without prefix or zeros, by a unique name, by the ERP customer code', async () => {
    const book = await storesBook();
    const finder = new StoreFinder(book);
    const ka = (code: string) => ({ id: (book.db.prepare('SELECT id FROM ka_accounts WHERE code = ?').get(code) as { id: number }).id, code });
    const read = (cell: string, kaCode: string | null, customerCodesFirst = false) => {
      const f = finder.find({ cell, ka: kaCode ? ka(kaCode) : null, customerCodesFirst, place: {} })!;
      return [f.store?.store_code ?? null, f.reading];
    };
    expect(read('101', 'CRF')).toEqual(['101', 'code']);
    expect(read('101-上海古北店', 'CRF')).toEqual(['101', 'code-and-name']);
    expect(read('上海万里店(102)', 'CRF')).toEqual(['102', 'code-and-name']);
    expect(read('[0035]联华南京东路店', 'LH')).toEqual(['LH0035', 'code-without-prefix']);
    expect(read('35', 'LH')).toEqual(['LH0035', 'code-without-prefix']);
    expect(read('101', 'WM')).toEqual(['0101', 'code-without-zeros']);
    expect(read('联想桥店', 'WM')).toEqual(['0101', 'name']);
    expect(read('上海古北店', 'CRF')).toEqual(['101', 'name']);
    expect(read('01.0023 北京物美联想桥店', null, true)).toEqual(['0101', 'customer-code']);
    expect(read('全系统', 'CRF')).toEqual([null, 'chain']);
    // A name that fits two stores is not guessed; a code that fits none is refused, never replaced by the name.
    expect(() => read('万里店', 'CRF')).toThrow(/fits several stores/);
    expect(() => read('999-上海古北店', 'CRF')).toThrow(/unknown store code "999-上海古北店" for KA CRF/);
    expect(() => read('101', null)).not.toThrow();
    // An ERP code the book does not know is gathered with a proposal by name.
    expect(() => read('01.0099 上海家乐福古北店', null, true)).toThrow(/unknown ERP customer code "01.0099"/);
    expect(finder.unknownCustomers.get('01.0099')?.proposal?.store.store_code).toBe('101');
  });

  it('imports a receiving export whose store cells carry code and name, and shows how each was read', async () => {
    const book = await storesBook();
    const file = join(tempDir(), 'crf.csv');
    writeFileSync(file, `门店,收货单号,订单号,收货日期,商品条码,收货数量,进价,收货金额
101-上海古北店,GR01,CF01,2026-09-05,6901234500017,24,6.40,153.60
上海万里店（102）,GR02,CF02,2026-09-06,6901234500017,12,6.40,76.80
`);
    const r = await importFile(book, file, { kind: 'receipts', actor: 't', kaCode: 'CRF', sampleRows: 5 });
    expect(r.errors).toEqual([]);
    expect(r.storeReadings.map((s) => [s.text, s.store?.code, s.reading])).toEqual([['101-上海古北店', '101', 'code-and-name'], ['上海万里店（102）', '102', 'code-and-name']]);
    expect(r.sample!.rows.map((x) => x.store?.store?.code)).toEqual(['101', '102']);
    expect(r.columns.find((c) => c.heading === '收货金额')).toMatchObject({ field: 'amount' });
  });
});
