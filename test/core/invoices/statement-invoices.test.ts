import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { statementFooter, statementHtml } from '../../../core/statement/statement-html.js';
import { statementDocument } from '../../../core/statement/statement-service.js';
import { writeStatementXlsx } from '../../../core/statement/statement-xlsx.js';
import { printPdf } from '../../../services/print/chromium-pdf.js';
import { readPdf } from '../../helpers/pdf-text.js';
import { tempBook, tempDir } from '../../helpers/temp-book.js';
import { addInvoiceWorld, deduction, issued, oneLineReceipt, post, recordInvoices, ret } from '../../helpers/invoice-world.js';

const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url));
const A = '26312000000000000001';

describe('the settlement statement’s invoice section', () => {
  it('shows invoiced, red-letter, to invoice and fee invoices missing per KA, in JSON, xlsx and PDF', async () => {
    const book = await tempBook();
    const w = addInvoiceWorld(book);
    post(book,
      oneLineReceipt(w, 'YS1001', '2026-03-05', w.p001, 100, 64_000), // 640.00, invoiced by A
      oneLineReceipt(w, 'YS1002', '2026-03-12', w.p003, 20, 399_000), // 798.00, not invoiced
      ret(w, 'TH2001', '2026-03-18', w.p001, 10, 64_000), //              64.00 back, red-letter R
      deduction(w, 'KK3001', '2026-03-20', '促销服务费', 5_000, 'invoice'), // 票扣 50.00, not on an invoice
      deduction(w, 'KK3002', '2026-03-21', '进场费', 20_000)); //           200.00, the KA's invoice missing
    recordInvoices(book, issued(A, '2026-03-20', 64_000, '验收单 YS1001'),
      issued('26312000000000000004', '2026-03-29', -6_400, `被红冲蓝字数电票号码：${A} 退货单 TH2001`, { originalNumber: A }));
    const statement = statementDocument(book, '2026-03', 'D01');
    // Accepted 1,438.00 − 64.00 = 1,374.00; less 票扣 50.00: 1,324.00 to be invoiced; 640.00 blue, −64.00 red, 798.00 to invoice.
    expect(statement.content.invoices!.byKa).toEqual([{ ka: 'RTM 大润发', accepted: 137_400, ticket: 5_000, settlement: 132_400, invoiced: 64_000, red: -6_400,
      toInvoice: 79_800, feeInvoicesMissing: 20_000 }]);
    // each difference kept as its kind and a code, said in the reader's language where it is printed
    expect(statement.content.invoices!.differences.map((d) => [d.group, d.kind, d.amount])).toEqual([
      ['invoiceGapKinds', 'to_invoice', 79_800], ['invoiceGapKinds', 'discount_missing', 5_000], ['feeInvoiceStates', 'missing', 20_000]]);

    const xlsx = join(tempDir(), 'statement.xlsx');
    await writeStatementXlsx(statement, xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('十、发票');
    expect(texts).toContain('验收未开票');
    expect(wb.getWorksheet('发票')!.getRow(2).getCell(4).value).toBe(798);

    mkdirSync(ARTIFACTS, { recursive: true });
    const pdf = join(ARTIFACTS, 'statement-D01-2026-03-invoices.pdf');
    await printPdf(statementHtml(statement), pdf, statementFooter(statement));
    const reading = await readPdf(pdf);
    expect(reading.text).toContain('十、发票');
    const section = reading.text.slice(reading.text.indexOf('十、发票'));
    for (const token of ['1,374.00', '1,324.00', '640.00', '-64.00', '798.00', '200.00', 'YS1002', 'KK3001', 'KK3002']) expect(section).toContain(token);
    // The section's page as a picture, for people to look at (where poppler is installed).
    if (spawnSync('pdftoppm', ['-v']).status === 0) {
      const prefix = join(ARTIFACTS, 'statement-D01-2026-03-invoices');
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(reading.pages), '-l', String(reading.pages), pdf, prefix]);
      const made = readdirSync(ARTIFACTS).find((f) => f.startsWith('statement-D01-2026-03-invoices-') && f.endsWith('.png'))!;
      renameSync(join(ARTIFACTS, made), `${prefix}-last-page.png`);
    }
  }, 60_000);
});
