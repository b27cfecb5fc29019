import type ExcelJS from 'exceljs';
import { excelJs } from '../files/exceljs-on-use.js';
import type { Book } from '../../db/connection.js';
import { findKaAccount } from '../../db/queries/master-data.js';
import { receivablesAsOf } from '../../db/queries/statement-data.js';
import { assertIsoDate } from '../calendar/dates.js';
import type { Language, Message } from '../../locale/index.js';
import { UserError } from '../errors.js';
import { amountInCapitals } from '../money/capitals.js';
import { formatFen } from '../money/format.js';
import { printWords } from '../statement/statement-sections.js';
import { ageingBuckets, bucketLabels, bucketOf } from './ageing-buckets.js';

export interface StatementOfAccount {
  ka: { code: string; name: string; contact: string | null };
  asOf: string;
  items: { docNo: string; docDate: string; dueDate: string | null; kind: 'receivable' | 'credit'; openFen: number; daysOverdue: number }[];
  buckets: Message[];
  ageing: number[];
  credits: number;
  balance: number;
  inCapitals: string;
}

/** 对账函: what a KA account owes as of a date, item by item and by age, for the accountant to send to the KA. */
export function statementOfAccount(book: Book, kaCode: string, asOfText: string): StatementOfAccount {
  const asOf = assertIsoDate(asOfText, { field: '--as-of' });
  const ka = findKaAccount(book, kaCode);
  if (!ka) throw new UserError('master.unknown-ka', { code: kaCode }, { field: '--statement-of-account' });
  const edges = ageingBuckets(book);
  const buckets = bucketLabels(edges);
  const ageing = buckets.map(() => 0);
  let credits = 0;
  const items = receivablesAsOf(book, null, asOf).filter((o) => o.ka_account_id === ka.id).map((o) => {
    if (o.open_fen < 0) credits += o.open_fen;
    else ageing[bucketOf(edges, o.days_past_due)]! += o.open_fen;
    return { docNo: o.doc_no, docDate: o.doc_date, dueDate: o.due_date, kind: o.open_fen < 0 ? 'credit' as const : 'receivable' as const, openFen: o.open_fen, daysOverdue: Math.max(0, o.days_past_due) };
  });
  const balance = items.reduce((s, i) => s + i.openFen, 0);
  return { ka: { code: ka.code, name: ka.name, contact: ka.contact }, asOf, items, buckets, ageing, credits, balance, inCapitals: amountInCapitals(balance) };
}

export async function writeStatementOfAccountXlsx(s: StatementOfAccount, path: string, lang: Language = 'zh'): Promise<void> {
  const { w, say } = printWords(lang);
  const wb = new (await excelJs()).Workbook();
  const ws = wb.addWorksheet(w('print.soa-title'), { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = [{ width: 22 }, { width: 12 }, { width: 12 }, { width: 10 }, { width: 16 }, { width: 10 }];
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = w('print.soa-sheet-title', { name: s.ka.name, code: s.ka.code });
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = w('print.soa-as-of', { asOf: s.asOf });
  ws.addRow([]);
  const header = ws.addRow([w('print.soa-document'), w('print.soa-date'), w('print.soa-due'), w('print.soa-kind'), w('print.soa-open'), w('print.soa-days-overdue')]);
  header.font = { bold: true };
  for (const i of s.items) {
    const row = ws.addRow([i.docNo, i.docDate, i.dueDate ?? '', w(i.kind === 'credit' ? 'print.soa-credit' : 'print.soa-receivable'), i.openFen / 100, i.daysOverdue]);
    row.getCell(5).numFmt = '#,##0.00;[Red]-#,##0.00';
  }
  ws.addRow([]);
  s.buckets.forEach((b, n) => {
    const row = ws.addRow([w('print.soa-ageing-of', { bucket: say(b) }), '', '', '', s.ageing[n]! / 100]);
    row.getCell(5).numFmt = '#,##0.00';
  });
  const credits = ws.addRow([w('print.soa-credits'), '', '', '', s.credits / 100]);
  credits.getCell(5).numFmt = '#,##0.00;[Red]-#,##0.00';
  const total = ws.addRow([w('print.soa-balance'), '', '', '', s.balance / 100]);
  total.font = { bold: true };
  total.getCell(5).numFmt = '#,##0.00;[Red]-#,##0.00';
  ws.addRow([w('print.in-capitals', { capitals: s.inCapitals })]);
  ws.addRow([w('print.soa-reply')]);
  await wb.xlsx.writeFile(path);
}

export function statementOfAccountHtml(s: StatementOfAccount, lang: Language = 'zh'): string {
  const { w, say } = printWords(lang);
  const esc = (t: string) => t.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
  const money = (fen: number) => `<td class="num${fen < 0 ? ' neg' : ''}">${formatFen(fen)}</td>`;
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(w('print.soa-title'))} ${esc(s.ka.code)}</title><style>
  @page { size: A4; margin: 16mm 12mm; }
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 9.5pt; }
  h1 { font-size: 15pt; text-align: center; } table { width: 100%; border-collapse: collapse; } thead { display: table-header-group; }
  th, td { border: 0.5pt solid #999; padding: 1mm 1.5mm; } th { background: #e8eef7; text-align: left; } td.num { text-align: right; } td.neg { color: #b00020; }
  </style></head><body><h1>${esc(w('print.soa-title'))}</h1>
  <p>${esc(w('print.soa-to', { name: s.ka.name, code: s.ka.code, contact: s.ka.contact ? `· ${s.ka.contact}` : '', asOf: s.asOf }))}</p>
  <table><thead><tr><th>${esc(w('print.soa-document'))}</th><th>${esc(w('print.soa-date'))}</th><th>${esc(w('print.soa-due'))}</th><th>${esc(w('print.soa-open'))}</th><th>${esc(w('print.soa-days-overdue'))}</th></tr></thead><tbody>
  ${s.items.map((i) => `<tr><td>${esc(i.docNo)}</td><td>${i.docDate}</td><td>${i.dueDate ?? ''}</td>${money(i.openFen)}<td class="num">${i.daysOverdue}</td></tr>`).join('')}
  </tbody></table>
  <h3>${esc(w('print.soa-ageing'))}</h3><table><thead><tr>${s.buckets.map((b) => `<th>${esc(say(b))}</th>`).join('')}<th>${esc(w('print.soa-credits'))}</th><th>${esc(w('print.soa-balance'))}</th></tr></thead>
  <tbody><tr>${s.ageing.map(money).join('')}${money(s.credits)}${money(s.balance)}</tr></tbody></table>
  <p><b>${esc(w('print.soa-balance-line', { amount: s.balance, capitals: s.inCapitals }))}</b></p>
  <p>${esc(w('print.soa-reply'))}</p></body></html>`;
}

/** The PDF footer of a statement of account: page x of y. */
export function statementOfAccountFooter(lang: Language = 'zh'): string {
  const page = printWords(lang).w('print.page', { page: '\u0001', pages: '\u0002' }).replace('\u0001', '<span class="pageNumber"></span>').replace('\u0002', '<span class="totalPages"></span>');
  return `<div style="font-size:7pt;width:100%;text-align:center;color:#555">${page}</div>`;
}
