import { describe, expect, it } from 'vitest';
import { detectHeader } from '../../../core/import/detect-header.js';
import { headingGroup } from '../../../core/import/header-match.js';
import { meaningOf } from '../../../core/import/heading-meaning.js';
import { KIND_SPECS } from '../../../core/import/import-kinds.js';

const fieldsOf = (kind: keyof typeof KIND_SPECS, headings: string[]) => {
  const match = detectHeader([{ row: 1, cells: headings }], KIND_SPECS[kind]);
  return Object.fromEntries((match?.columns ?? []).map((c) => [c.heading, c.field]));
};

describe('headings read by their parts', () => {
  it('reads a heading as its parts, the longest first', () => {
    expect(meaningOf('实收 数量：').concepts).toEqual(['received', 'qty']);
    expect(meaningOf('价税合计').concepts).toEqual(['amount', 'taxIncl']);
    expect(meaningOf('购货单位编号').concepts).toEqual(['customer', 'code']);
    expect(meaningOf('计量单位').concepts).toEqual(['uom']);
    expect(meaningOf('StoreNbr').concepts).toEqual(['store', 'code']);
    expect(meaningOf('PO Nbr.').concepts).toEqual(['order', 'code']);
    expect(meaningOf('Extended Cost').concepts).toEqual(['amount']);
  });

  it.each([
    ['receipts', ['收货门店号', '入库单编号', '到货日期', '采购订单编码', '货物条形码', '验收量', '含税进货价', '收货金额合计']],
    ['deliveries', ['出库单编号', '发出日期', '购货单位编号', '客户PO号', '存货代码', '实发数', '含税价', '价税合计金额']],
    ['receipts', ['Site No', 'GRN Nbr', 'Date Received', 'Purchase Order', 'GTIN', 'Qty Received', 'Cost', 'Ext Cost']],
  ] as const)('maps %s headings no table lists: %j', (kind, headings) => {
    expect(headings.every((h) => !headingGroup(h))).toBe(true);
    const m = fieldsOf(kind, [...headings]);
    expect(Object.values(m).sort()).toEqual(['amount', 'barcode', 'date', 'docNo', 'orderNo', 'price', 'qty', 'storeCode'].filter((f) => kind === 'receipts' || f !== 'barcode').concat(kind === 'deliveries' ? ['sku'] : []).sort());
  });

  it('does not take a column that is something else', () => {
    const m = fieldsOf('receipts', ['验收单号', '验收日期', '生产日期', '门店', '商品编码', '订单数量', '实收数量', '零售价', '含税进价', '税额', '含税金额', '计量单位']);
    expect(m).toEqual({ 验收单号: 'docNo', 验收日期: 'date', 门店: 'storeCode', 商品编码: 'sku', 实收数量: 'qty', 含税进价: 'price', 含税金额: 'amount' });
    // 客户 names the store of an ERP's delivery; 单位 alone is a unit of measure, never the customer.
    expect(fieldsOf('deliveries', ['单据编号', '日期', '客户编码', '客户', '存货编码', '单位', '数量', '单价', '金额'])).toMatchObject({ 客户编码: 'storeCode', 客户: 'storeName' });
  });
});
