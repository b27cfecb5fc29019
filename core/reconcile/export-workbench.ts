import ExcelJS from 'exceljs';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Book } from '../../db/connection.js';
import { workbenchRows, type WorkbenchRow } from '../../db/queries/workbench.js';
import { throwIfCancelled, type WorkControl } from '../work/long-work.js';
import { workbenchFilter, type WorkbenchQuery } from './workbench.js';
import { localStamp } from '../calendar/dates.js';

const MONEY = '#,##0.00;[Red]-#,##0.00';
const QTY = '#,##0.###';
const PRICE = '#,##0.00##';

/** Columns of the export: heading, width, and how a row's value becomes a cell (money as yuan with a format). */
const COLUMNS: { heading: string; width: number; value: (r: WorkbenchRow) => string | number | null; format?: string }[] = [
  { heading: '月份 Period', width: 10, value: (r) => r.period },
  { heading: '送货日期 Date', width: 12, value: (r) => r.delivery_date },
  { heading: 'KA', width: 8, value: (r) => r.ka },
  { heading: '门店 Store', width: 10, value: (r) => r.store },
  { heading: '门店名称 Store name', width: 22, value: (r) => r.store_name },
  { heading: '订单号 PO', width: 16, value: (r) => r.order_no },
  { heading: '送货单号 Delivery', width: 16, value: (r) => r.delivery_no },
  { heading: '商品编码 SKU', width: 12, value: (r) => r.sku },
  { heading: '商品名称 Product', width: 24, value: (r) => r.product_name },
  { heading: '状态 Status', width: 14, value: (r) => r.status },
  { heading: '送货数量 Delivered qty', width: 12, value: (r) => r.delivered_qty / 1000, format: QTY },
  { heading: '验收数量 Received qty', width: 12, value: (r) => r.received_qty / 1000, format: QTY },
  { heading: '送货金额 Delivered', width: 14, value: (r) => r.line_delivered_fen / 100, format: MONEY },
  { heading: '验收金额 Received', width: 14, value: (r) => r.line_received_fen / 100, format: MONEY },
  { heading: '差额 Difference', width: 14, value: (r) => (r.line_received_fen - r.line_delivered_fen) / 100, format: MONEY },
  { heading: '送货单价 Delivered price', width: 12, value: (r) => (r.delivered_price_e4 === null ? null : r.delivered_price_e4 / 10_000), format: PRICE },
  { heading: '验收单价 Received price', width: 12, value: (r) => (r.received_price_e4 === null ? null : r.received_price_e4 / 10_000), format: PRICE },
  { heading: '合同价 List price', width: 12, value: (r) => (r.list_price_e4 === null ? null : r.list_price_e4 / 10_000), format: PRICE },
  { heading: '验收单号 Receipts', width: 18, value: (r) => r.receipt_doc_nos },
  { heading: '未验收天数 Days outstanding', width: 10, value: (r) => r.days_outstanding },
  { heading: '原因 Reason', width: 40, value: (r) => r.reason },
  { heading: '处理 Decision', width: 12, value: (r) => r.decision },
  { heading: '备注 Note', width: 30, value: (r) => r.note },
];

export function defaultExportPath(book: Book, q: WorkbenchQuery, now = new Date()): string {
  const stamp = localStamp(now);
  return join(dirname(book.path), 'exports', `对账明细-${q.from}_${q.to}-${stamp}.xlsx`);
}

/**
 * The workbench's current view (its filter, in its order) as a streamed .xlsx: real numbers with formats, so the
 * sheet sums in Excel exactly as the grid showed. Fen are divided by 100 only here, for display.
 */
export async function exportWorkbench(book: Book, q: WorkbenchQuery, path: string, control?: WorkControl): Promise<{ file: string; rows: number }> {
  const filter = workbenchFilter(book, q);
  mkdirSync(dirname(path), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = 'ka-settle';
  const ws = wb.addWorksheet('对账明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.heading, width: c.width, ...(c.format ? { style: { numFmt: c.format } } : {}) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let rows = 0;
  try {
    for (const r of workbenchRows(book, filter)) {
      ws.addRow(COLUMNS.map((c) => c.value(r))).commit();
      if (++rows % 5_000 === 0) {
        throwIfCancelled(control);
        control?.progress?.({ step: 'export-rows', done: rows });
      }
    }
    throwIfCancelled(control);
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
    await ws.commit();
    await wb.commit();
  } catch (e) {
    // A cancelled or failed export leaves no half-written workbook behind.
    await wb.commit().catch(() => undefined);
    rmSync(path, { force: true });
    throw e;
  }
  return { file: path, rows };
}
