import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type ExcelJS from 'exceljs';
import { excelJs } from '../files/exceljs-on-use.js';
import { renderMessage, type Language, type MessageCode } from '../../locale/index.js';
import type { ToInvoice } from './to-invoice.js';

const say = (lang: Language, code: MessageCode, params: Record<string, string | number> = {}) => renderMessage(lang, { code, params });
/** Fen as a yuan number with two decimals, for a cell that is keyed from (the cell shows 0.00). */
const yuan = (fen: number) => Math.round(fen) / 100;
const rateText = (ppm: number) => `${ppm / 10_000}%`;

/**
 * 待开票清单 as a workbook an invoicing clerk keys from (or uploads to the e-tax portal's 批量开票): 1-发票基本信息, one
 * row an invoice with its 流水号, buyer and 备注; 2-发票明细信息, its lines under the same 流水号 with tax classification,
 * quantity, the value with tax and the rate; a 票扣 as a discount line. Widths fit 1366 px; headings frozen.
 */
export async function toInvoiceWorkbook(list: ToInvoice[], lang: Language, sellerName: string): Promise<Buffer> {
  const wb = new (await excelJs()).Workbook();
  const basic = wb.addWorksheet(say(lang, 'invoices.sheet.basic'), { views: [{ state: 'frozen', ySplit: 1 }] });
  basic.columns = [
    { header: say(lang, 'invoices.col.serial'), width: 10 }, { header: say(lang, 'invoices.col.kind'), width: 26 },
    { header: say(lang, 'invoices.col.buyer-name'), width: 30 }, { header: say(lang, 'invoices.col.buyer-tax-id'), width: 22 },
    { header: say(lang, 'invoices.col.buyer-address'), width: 26 }, { header: say(lang, 'invoices.col.buyer-bank'), width: 26 },
    { header: say(lang, 'invoices.col.total'), width: 14, style: { numFmt: '#,##0.00' } }, { header: say(lang, 'invoices.col.seller'), width: 24 },
    { header: say(lang, 'invoices.col.remark'), width: 50 },
  ];
  for (const inv of list) {
    const remark = inv.tickets.length || inv.receipts.length
      ? say(lang, 'invoices.remark-no-statement', { ka: `${inv.kaName} ${inv.period}`, receipts: [...inv.receipts, ...inv.tickets].join('、') }) : '';
    basic.addRow([inv.serial, say(lang, 'invoices.kind-special'), inv.buyerName ?? '', inv.buyerTaxId ?? '', inv.buyerAddressPhone ?? '', inv.buyerBank ?? '',
      yuan(inv.gross), sellerName, remark]);
  }
  const items = wb.addWorksheet(say(lang, 'invoices.sheet.items'), { views: [{ state: 'frozen', ySplit: 1 }] });
  items.columns = [
    { header: say(lang, 'invoices.col.serial'), width: 10 }, { header: say(lang, 'invoices.col.item-name'), width: 30 },
    { header: say(lang, 'invoices.col.tax-code'), width: 22 }, { header: say(lang, 'invoices.col.spec'), width: 10 },
    { header: say(lang, 'invoices.col.unit'), width: 6 }, { header: say(lang, 'invoices.col.qty'), width: 10 },
    { header: say(lang, 'invoices.col.gross'), width: 14, style: { numFmt: '#,##0.00' } }, { header: say(lang, 'invoices.col.rate'), width: 8 },
    { header: say(lang, 'invoices.col.discount'), width: 14, style: { numFmt: '#,##0.00' } }, { header: say(lang, 'invoices.col.documents'), width: 30 },
  ];
  for (const inv of list) {
    for (const l of inv.lines) {
      const name = l.name || say(lang, l.discount ? 'invoices.discount-line' : 'invoices.partial-line', { docNo: l.documents.join('、') });
      items.addRow([inv.serial, name, l.taxCode ?? '', l.spec ?? '', l.unit ?? '', l.qty === null ? '' : l.qty / 1000,
        l.discount ? '' : yuan(l.gross), rateText(l.rate), l.discount ? yuan(-l.gross) : '', l.documents.join('、')]);
    }
  }
  for (const ws of [basic, items]) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The workbook written to a file (its folder made if need be), for the window's export. */
export async function writeToInvoiceWorkbook(file: string, list: ToInvoice[], lang: Language, sellerName: string): Promise<void> {
  const bytes = await toInvoiceWorkbook(list, lang, sellerName);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}
