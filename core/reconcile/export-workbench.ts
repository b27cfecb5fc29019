import type ExcelJS from 'exceljs';
import { excelJs } from '../files/exceljs-on-use.js';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Book } from '../../db/connection.js';
import { workbenchRows, type WorkbenchRow } from '../../db/queries/workbench.js';
import { readStoredMessage, type Language } from '../../locale/index.js';
import { printWords } from '../statement/statement-sections.js';
import { throwIfCancelled, type WorkControl } from '../work/long-work.js';
import { workbenchFilter, type WorkbenchQuery } from './workbench.js';
import { localStamp } from '../calendar/dates.js';

const MONEY = '#,##0.00;[Red]-#,##0.00';
const QTY = '#,##0.###';
const PRICE = '#,##0.00##';

/** Columns of the export: heading, width, and how a row's value becomes a cell (money as yuan with a format). */
function columns(lang: Language): { heading: string; width: number; value: (r: WorkbenchRow) => string | number | null; format?: string }[] {
  const { w, say, label } = printWords(lang);
  return [
    { heading: w('print.wb-period'), width: 10, value: (r) => r.period },
    { heading: w('print.wb-date'), width: 12, value: (r) => r.delivery_date },
    { heading: w('print.wb-ka'), width: 8, value: (r) => r.ka },
    { heading: w('print.wb-store'), width: 10, value: (r) => r.store },
    { heading: w('print.wb-store-name'), width: 22, value: (r) => r.store_name },
    { heading: w('print.wb-order'), width: 16, value: (r) => r.order_no },
    { heading: w('print.wb-delivery'), width: 16, value: (r) => r.delivery_no },
    { heading: w('print.wb-sku'), width: 12, value: (r) => r.sku },
    { heading: w('print.wb-product'), width: 24, value: (r) => r.product_name },
    { heading: w('print.wb-status'), width: 10, value: (r) => label('status', r.status) },
    { heading: w('print.wb-delivered-qty'), width: 12, value: (r) => r.delivered_qty / 1000, format: QTY },
    { heading: w('print.wb-received-qty'), width: 12, value: (r) => r.received_qty / 1000, format: QTY },
    { heading: w('print.wb-delivered'), width: 14, value: (r) => r.line_delivered_fen / 100, format: MONEY },
    { heading: w('print.wb-received'), width: 14, value: (r) => r.line_received_fen / 100, format: MONEY },
    { heading: w('print.wb-difference'), width: 14, value: (r) => (r.line_received_fen - r.line_delivered_fen) / 100, format: MONEY },
    { heading: w('print.wb-delivered-price'), width: 12, value: (r) => (r.delivered_price_e4 === null ? null : r.delivered_price_e4 / 10_000), format: PRICE },
    { heading: w('print.wb-received-price'), width: 12, value: (r) => (r.received_price_e4 === null ? null : r.received_price_e4 / 10_000), format: PRICE },
    { heading: w('print.wb-list-price'), width: 12, value: (r) => (r.list_price_e4 === null ? null : r.list_price_e4 / 10_000), format: PRICE },
    { heading: w('print.wb-receipts'), width: 18, value: (r) => r.receipt_doc_nos },
    { heading: w('print.wb-days'), width: 10, value: (r) => r.days_outstanding },
    { heading: w('print.wb-reason'), width: 40, value: (r) => say(readStoredMessage(r.reason)) },
    { heading: w('print.wb-decision'), width: 12, value: (r) => label('decision', r.decision) },
    { heading: w('print.wb-note'), width: 30, value: (r) => r.note },
  ];
}

export function defaultExportPath(book: Book, q: WorkbenchQuery, now = new Date(), lang: Language = 'zh'): string {
  const stamp = localStamp(now);
  return join(dirname(book.path), 'exports', `${printWords(lang).w('print.wb-file')}-${q.from}_${q.to}-${stamp}.xlsx`);
}

/**
 * The workbench's current view (its filter, in its order) as a streamed .xlsx: real numbers with formats, so the
 * sheet sums in Excel exactly as the grid showed. Fen are divided by 100 only here, for display.
 */
export async function exportWorkbench(book: Book, q: WorkbenchQuery, path: string, control?: WorkControl, lang: Language = 'zh'): Promise<{ file: string; rows: number }> {
  const filter = workbenchFilter(book, q);
  const COLUMNS = columns(lang);
  mkdirSync(dirname(path), { recursive: true });
  const wb = new (await excelJs()).stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  wb.creator = 'ka-settle';
  const ws = wb.addWorksheet(printWords(lang).w('print.wb-sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
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
