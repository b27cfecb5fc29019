import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reverseDocument } from '../../../core/corrections/reverse.js';
import { importFile } from '../../../core/import/import-file.js';
import { statementFooter, statementHtml } from '../../../core/statement/statement-html.js';
import { statementDocument } from '../../../core/statement/statement-service.js';
import { writeStatementXlsx } from '../../../core/statement/statement-xlsx.js';
import { setPeriodStatus } from '../../../db/queries/periods.js';
import { printPdf } from '../../../services/print/chromium-pdf.js';
import { correctionsBook, doc, FIX, importReceipts, importRemittance, reconcile } from '../../helpers/corrections-book.js';
import { readPdf } from '../../helpers/pdf-text.js';
import { tempDir } from '../../helpers/temp-book.js';

const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url));

/** October of D01: a September receipt reversed after September closed, and an October receipt replaced on re-import. */
async function octoberWithCorrections() {
  const book = await correctionsBook();
  await importReceipts(book, 'v1');
  await importRemittance(book);
  await importFile(book, `${FIX}rtm-october-v1.csv`, { kind: 'receipts', actor: 'tester', kaCode: 'RTM' });
  reconcile(book, '2026-10');
  book.write(() => setPeriodStatus(book, '2026-09', 'closed', 'manager'));
  reverseDocument(book, doc(book, 'YSC002').id, { actor: 'lihua', reason: '门店整单退回', today: '2026-10-25' });
  const replaced = await importFile(book, `${FIX}rtm-october-v2.csv`, { kind: 'receipts', actor: 'wang', kaCode: 'RTM', replace: true, reason: 'KA 重新发送验收单' });
  expect(replaced.replaced).toHaveLength(1);
  return book;
}

describe('the corrections section of the settlement statement', () => {
  it('lists the month’s reversals and replacements, naming the closed month a correction belongs to, in JSON, xlsx and PDF', async () => {
    const book = await octoberWithCorrections();
    const statement = statementDocument(book, '2026-10', 'D01');
    // By hand: YSC002 (69,120) reversed; YSC010 34,560 reversed and 36,000 posted in its place (+1,440).
    expect(statement.content.corrections).toEqual([
      expect.objectContaining({ action: 'reversal', docNo: 'YSC002', originalPeriod: '2026-09', closedPeriod: true, reversal: 'YSC002-R',
        reversedAmount: -69_120, replacement: null, net: -69_120, by: 'lihua', reason: '门店整单退回' }),
      expect.objectContaining({ action: 'replacement', docNo: 'YSC010', originalPeriod: '2026-10', closedPeriod: false, reversal: 'YSC010-R',
        reversedAmount: -34_560, replacement: 'YSC010', replacementAmount: 36_000, net: 1_440, by: 'wang', reason: 'KA 重新发送验收单' }),
    ]);
    // The receivable roll-forward books both: sales this month 34,560 − 69,120 − 34,560 + 36,000 = −33,120.
    expect(statement.content.totals.receivable.sales).toBe(-33_120);

    const xlsx = join(tempDir(), 'statement.xlsx');
    await writeStatementXlsx(statement, xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.getWorksheet('更正')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(3).value).toBe('YSC002');
    expect(sheet.getRow(2).getCell(9).value).toBe(-691.2);
    expect(sheet.getRow(3).getCell(12).value).toBe(14.4);
    const summaryTexts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => summaryTexts.push(String(c.value))));
    expect(summaryTexts).toContain('九、更正（红字冲销与替换）');
    expect(summaryTexts).toContain('2026-09 已结账');
    expect(sheet.getRow(2).getCell(6).value).toBe('冲销已结账期间 2026-09 的单据，记入本期');

    mkdirSync(ARTIFACTS, { recursive: true });
    const pdf = join(ARTIFACTS, 'statement-D01-2026-10-corrections.pdf');
    await printPdf(statementHtml(statement), pdf, statementFooter(statement));
    const read = await readPdf(pdf);
    const text = read.text;
    expect(text).toContain('九、更正（红字冲销与替换）');
    // The table wraps in print: each figure and document is there, in the section.
    const section = text.slice(text.indexOf('九、更正'));
    for (const token of ['红字冲销', '替换', 'YSC002-R', 'YSC010-R', '2026-09', '2026-10-25', '-691.20', '-345.60', '360.00', '14.40', '-1,036.80', '-676.80', 'lihua']) {
      expect(section).toContain(token);
    }
    expect(section.replace(/\s+/g, '')).toContain('2026-09已');
    // A picture of the page that carries the section, for a person to look at, where poppler is installed (the
    // tests do not need it: the text above is read by PDF.js).
    if (spawnSync('pdftoppm', ['-v']).status === 0) {
      const prefix = join(ARTIFACTS, 'statement-D01-2026-10-corrections');
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(read.pages), '-l', String(read.pages), pdf, prefix]);
      const made = readdirSync(ARTIFACTS).find((f) => f.startsWith('statement-D01-2026-10-corrections-') && f.endsWith('.png'))!;
      renameSync(join(ARTIFACTS, made), `${prefix}-last-page.png`);
    }
  }, 60_000);

  it('says there were none in a month without corrections, and leaves its content as before', async () => {
    const book = await correctionsBook();
    await importReceipts(book, 'v1');
    const statement = statementDocument(book, '2026-09', 'D01');
    expect('corrections' in statement.content).toBe(false);
    const html = statementHtml(statement);
    expect(html).toContain('本期无更正');
    expect(statementHtml(statement, { lang: 'en' })).toContain('No corrections this month');
  });
});
