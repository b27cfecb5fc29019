import { describe, expect, it } from 'vitest';
import synonyms from '../../../core/import/header-synonyms.json' with { type: 'json' };
import { detectHeader } from '../../../core/import/detect-header.js';
import { headingGroup, normaliseHeading } from '../../../core/import/header-match.js';
import { KIND_SPECS } from '../../../core/import/import-kinds.js';

const header = (kind: keyof typeof KIND_SPECS, headings: string[]) => {
  const match = detectHeader([{ row: 1, cells: headings }], KIND_SPECS[kind]);
  return Object.fromEntries((match?.columns ?? []).map((c) => [c.heading, c.field]));
};

describe('the header synonym table', () => {
  it('never lists one heading under two groups', () => {
    const seen = new Map<string, string>();
    for (const [group, words] of Object.entries(synonyms)) {
      if (group === '$comment') continue;
      for (const w of words as string[]) {
        const key = normaliseHeading(w);
        expect(seen.get(key), `${w} is in ${seen.get(key)} and ${group}`).toBeUndefined();
        seen.set(key, group);
      }
    }
    expect(seen.size).toBeGreaterThan(300);
  });

  it('only names groups that some import kind uses', () => {
    const used = new Set(Object.values(KIND_SPECS).flatMap((s) => s.fields.flatMap((f) => f.groups)));
    const unused = Object.keys(synonyms).filter((g) => g !== '$comment' && !used.has(g as never));
    expect(unused.filter((g) => !['kaName', 'storeName', 'manufacturerName', 'distributorName', 'orderedQty'].includes(g))).toEqual([]);
  });

  it('reads headings regardless of case, spaces, full-width forms, required marks and colons', () => {
    expect(headingGroup('*门店编号：')).toBe('storeCode');
    expect(headingGroup(' 金额（含税） ')).toBe('amount');
    expect(headingGroup('PO  NO.')).toBe('orderNo');
    expect(headingGroup('ＥＡＮ')).toBe('barcode');
  });

  it.each([
    ['门店编号', 'storeCode'], ['门店代码', 'storeCode'], ['店号', 'storeCode'], ['门店号', 'storeCode'],
    ['商品条码', 'barcode'], ['条码', 'barcode'], ['国际条码', 'barcode'], ['EAN', 'barcode'],
    ['订单号', 'orderNo'], ['PO号', 'orderNo'], ['采购单号', 'orderNo'],
    ['验收数量', 'qty'], ['实收数量', 'qty'], ['收货数量', 'qty'],
    ['含税金额', 'amount'], ['验收金额', 'amount'], ['进价金额', 'amount'], ['金额(含税)', 'amount'],
  ])('maps the receipts heading %s to %s', (heading, field) => {
    expect(header('receipts', [heading, '验收单号', '验收日期'])[heading]).toBe(field);
  });

  it('prefers the specific heading to the generic one, and gives a heading to one field only', () => {
    // 实收数量 beats 数量 for receipts; 订单数量 is not the received quantity.
    expect(header('receipts', ['订单数量', '实收数量', '数量', '商品编码', '验收日期'])).toMatchObject({ 实收数量: 'qty' });
    expect(header('receipts', ['订单数量', '实收数量', '商品编码', '验收日期'])['订单数量']).toBeUndefined();
    // On a statement the document number is the statement's; 单据号 is then the line's reference.
    expect(header('statements', ['对账单号', '单据号', '金额'])).toEqual({ 对账单号: 'docNo', 单据号: 'reference', 金额: 'amount' });
    expect(header('deliveries', ['送货单号', '日期', '送货日期', '门店编号', '商品编码', '数量', '单价'])).toMatchObject({ 送货日期: 'date', 送货单号: 'docNo' });
  });

  it('lets an explicit mapping beat detection', () => {
    const match = detectHeader([{ row: 1, cells: ['单号', '店', '货品', '件数', '价'] }], KIND_SPECS.deliveries,
      { explicit: { 店: 'storeCode', 货品: 'sku', 件数: 'qty', 价: 'price', 单号: 'docNo' } });
    expect(Object.fromEntries(match!.columns.map((c) => [c.heading, c.field]))).toEqual({ 单号: 'docNo', 店: 'storeCode', 货品: 'sku', 件数: 'qty', 价: 'price' });
  });

  it('finds the header under title rows and says which columns it ignored', () => {
    const match = detectHeader([
      { row: 1, cells: ['大润发供应商系统 验收单明细'] },
      { row: 2, cells: ['导出人：王会计', '2026-10-02'] },
      { row: 3, cells: ['门店/单号', '验收单号', '验收日期', '商品编号', '商品名称', '订单数量', '实收数量', '单价', '金额', '备用'] },
    ], KIND_SPECS.receipts);
    expect(match!.row).toBe(3);
    expect(match!.ignored.map((c) => `${c.letter} ${c.heading}`)).toEqual(['F 订单数量', 'J 备用']);
  });
});
