import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatFen } from '../../core/money/format.js';
import { statementDocument } from '../../core/statement/statement-service.js';
import { statementFooter, statementHtml } from '../../core/statement/statement-html.js';
import { writeStatementXlsx } from '../../core/statement/statement-xlsx.js';
import { printPdf } from '../../services/print/chromium-pdf.js';
import { approvedSeptember } from '../helpers/approved-september.js';
import { main } from '../../cli/main.js';
import { tempDir } from '../helpers/temp-book.js';
import { readPdf } from '../helpers/pdf-text.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));


const cellText = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((r) => r.text).join('') : String(v));

describe('settlement statement exports', () => {
  it('writes an .xlsx whose every figure reads back equal to the statement', async () => {
    const book = await approvedSeptember();
    const doc = statementDocument(book, '2026-09', 'D01');
    const path = join(tempDir(), 'statement.xlsx');
    await writeStatementXlsx(doc, path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['结算单', '送货明细', '扣费明细', '费用申请', '回款', '计提与核销']);
    const summary = wb.worksheets[0]!;
    const rows: { label: string; values: ExcelJS.CellValue[] }[] = [];
    summary.eachRow((row) => rows.push({ label: cellText(row.getCell(1).value), values: (row.values as ExcelJS.CellValue[]).slice(1) }));
    const rowOf = (label: string, nth = 0) => rows.filter((r) => r.label === label)[nth]!;
    const fen = (v: ExcelJS.CellValue) => Math.round(Number(v) * 100);
    // Sales by KA and their total; receivable roll-forward; deductions; net due — number cells, to the fen.
    for (const k of doc.content.kaAccounts) {
      const r = rowOf(k.code);
      expect(typeof r.values[2]).toBe('number');
      expect([fen(r.values[2]!), fen(r.values[3]!), fen(r.values[4]!)]).toEqual([k.accepted, k.returns, k.netSales]);
      const rec = rowOf(k.code, 1);
      expect(rec.values.slice(1, 8).map(fen)).toEqual([k.receivable.opening, k.receivable.sales, k.receivable.returns, k.receivable.deductions, k.receivable.remittances, k.receivable.other, k.receivable.closing]);
    }
    expect(fen(rowOf('合计').values[4]!)).toBe(doc.content.totals.netSales);
    const deductionTotal = rows.filter((r) => r.label === '合计')[3]!;
    expect(deductionTotal.values.slice(1, 5).map(fen)).toEqual([doc.content.deductions.total, doc.content.deductions.manufacturer, doc.content.deductions.distributor, doc.content.deductions.disputed]);
    expect(fen(rowOf('厂家应付经销商').values[1]!)).toBe(doc.content.netDue.fromManufacturer);
    expect(rows.some((r) => r.values.includes(`大写：人民币${doc.content.netDue.inCapitals}`))).toBe(true);
    expect(rows.some((r) => r.label === `SHA-256: ${doc.sha256}`)).toBe(true);
    expect(rows.find((r) => r.label === '审批')!.values[1]).toBe('赵经理（zhao）');
    // Detail sheets: frozen header, numbers as numbers, the same lines.
    const deliveries = wb.getWorksheet('送货明细')!;
    expect(deliveries.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(deliveries.rowCount - 1).toBe(doc.content.details.deliveries.length);
    const amounts: number[] = [];
    deliveries.eachRow((row, n) => { if (n > 1) amounts.push(fen(row.getCell(9).value)); });
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(doc.content.details.deliveries.reduce((s, d) => s + d.amount_fen, 0));
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(1_569_360);
  });

  it('prints an A4 PDF through Chromium with the key figures, the amount in capitals, page numbers and the hash', async () => {
    const book = await approvedSeptember();
    const doc = statementDocument(book, '2026-09', 'D01');
    mkdirSync(ARTIFACTS, { recursive: true });
    const pdf = join(ARTIFACTS, 'statement-D01-2026-09.pdf');
    const png = join(ARTIFACTS, 'statement-D01-2026-09-page1.png');
    await printPdf(statementHtml(doc, { withDetails: true }), pdf, statementFooter(doc), png);
    expect(statSync(png).size).toBeGreaterThan(20_000);
    const read = await readPdf(pdf);
    const text = read.text;
    expect(text).toContain('结算单');
    expect(text).toContain('上海华东商贸有限公司');
    expect(text).toContain(formatFen(doc.content.totals.accepted));
    expect(text).toContain(formatFen(doc.content.deductions.total));
    expect(text.replace(/\s+/g, '')).toContain(`人民币${doc.content.netDue.inCapitals}`);
    expect(text).toContain(doc.sha256);
    expect(read.pageText[0]).toMatch(/第\s*1\s*\/\s*\d+\s*页/);
    expect(read.pages).toBeGreaterThanOrEqual(2);
    // A4: 595 × 842 points (210 × 297 mm), on every page.
    for (const size of read.sizes) {
      expect(Math.abs(size.width - 595.3)).toBeLessThan(1.5);
      expect(Math.abs(size.height - 841.9)).toBeLessThan(1.5);
    }
    // Each signature carries the audit chain's head its signer saw, and the page ends with the verification mark.
    for (const h of doc.heads) expect(text).toContain(`#${h.chain.rows} ${h.chain.hash.slice(0, 16)}`);
    expect(doc.heads.map((h) => h.step)).toEqual(['prepare', 'review', 'approve']);
    expect(text.replace(/\s+/g, '')).toContain(`KA-SETTLE-VERIFY|1|D01|2026-09|v1|sha256=${doc.sha256}|prepare=${doc.heads[0]!.chain.rows}:${doc.heads[0]!.chain.hash}`);
    // The book, checked against the PDF that left it, agrees (the command reads it with pdf.js, not poppler).
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t), env: { KA_SETTLE_LANG: 'en' } };
    expect(await main(['check', book.path, '--against', pdf], io)).toBe(0);
    expect(out.join('\n')).toMatch(/ok\s+statements as in the signed file: D01 2026-09 v1 is in the book/);
    expect(out.join('\n')).toMatch(/ok\s+audit heads as in the signed file/);
    const copy = join(tempDir(), 'copy.pdf');
    copyFileSync(pdf, copy);
    expect(existsSync(copy)).toBe(true);
  });
});
