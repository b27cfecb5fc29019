import ExcelJS from 'exceljs';
import type { Book } from '../../db/connection.js';
import { findKaAccount } from '../../db/queries/master-data.js';
import { receivablesAsOf } from '../../db/queries/statement-data.js';
import { assertIsoDate } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import { amountInCapitals } from '../money/capitals.js';
import { formatFen } from '../money/format.js';
import { ageingBuckets, bucketLabels, bucketOf } from './ageing-buckets.js';

export interface StatementOfAccount {
  ka: { code: string; name: string; contact: string | null };
  asOf: string;
  items: { docNo: string; docDate: string; dueDate: string | null; kind: 'receivable' | 'credit'; openFen: number; daysOverdue: number }[];
  buckets: string[];
  ageing: number[];
  credits: number;
  balance: number;
  inCapitals: string;
}

/** 对账函: what a KA account owes as of a date, item by item and by age, for the accountant to send to the KA. */
export function statementOfAccount(book: Book, kaCode: string, asOfText: string): StatementOfAccount {
  const asOf = assertIsoDate(asOfText, { field: '--as-of' });
  const ka = findKaAccount(book, kaCode);
  if (!ka) throw new UserError('unknown-code', `unknown KA account "${kaCode}"`, { field: '--statement-of-account' });
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

export async function writeStatementOfAccountXlsx(s: StatementOfAccount, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('对账函', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = [{ width: 22 }, { width: 12 }, { width: 12 }, { width: 10 }, { width: 16 }, { width: 10 }];
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = `对账函 Statement of account — ${s.ka.name} (${s.ka.code})`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = `截至 As of ${s.asOf}`;
  ws.addRow([]);
  const header = ws.addRow(['单据 Document', '日期 Date', '到期 Due', '类型 Kind', '未结金额 Open', '逾期天数 Days overdue']);
  header.font = { bold: true };
  for (const i of s.items) {
    const row = ws.addRow([i.docNo, i.docDate, i.dueDate ?? '', i.kind === 'credit' ? '贷项 credit' : '应收 receivable', i.openFen / 100, i.daysOverdue]);
    row.getCell(5).numFmt = '#,##0.00;[Red]-#,##0.00';
  }
  ws.addRow([]);
  s.buckets.forEach((b, n) => {
    const row = ws.addRow([`账龄 ${b}`, '', '', '', s.ageing[n]! / 100]);
    row.getCell(5).numFmt = '#,##0.00';
  });
  const credits = ws.addRow(['未核销贷项 Unapplied credits', '', '', '', s.credits / 100]);
  credits.getCell(5).numFmt = '#,##0.00;[Red]-#,##0.00';
  const total = ws.addRow(['余额 Balance', '', '', '', s.balance / 100]);
  total.font = { bold: true };
  total.getCell(5).numFmt = '#,##0.00;[Red]-#,##0.00';
  ws.addRow([`大写 人民币${s.inCapitals}`]);
  ws.addRow(['贵方如有异议，请于收到后十日内回复。Please reply within ten days if you disagree.']);
  await wb.xlsx.writeFile(path);
}

export function statementOfAccountHtml(s: StatementOfAccount): string {
  const esc = (t: string) => t.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
  const money = (fen: number) => `<td class="num${fen < 0 ? ' neg' : ''}">${formatFen(fen)}</td>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>对账函 ${esc(s.ka.code)}</title><style>
  @page { size: A4; margin: 16mm 12mm; }
  body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 9.5pt; }
  h1 { font-size: 15pt; text-align: center; } table { width: 100%; border-collapse: collapse; } thead { display: table-header-group; }
  th, td { border: 0.5pt solid #999; padding: 1mm 1.5mm; } th { background: #e8eef7; text-align: left; } td.num { text-align: right; } td.neg { color: #b00020; }
  </style></head><body><h1>对账函 Statement of account</h1>
  <p>致 To: ${esc(s.ka.name)} (${esc(s.ka.code)})${s.ka.contact ? ` · ${esc(s.ka.contact)}` : ''}　截至 As of ${s.asOf}</p>
  <table><thead><tr><th>单据 Document</th><th>日期 Date</th><th>到期 Due</th><th>未结金额 Open</th><th>逾期天数 Days overdue</th></tr></thead><tbody>
  ${s.items.map((i) => `<tr><td>${esc(i.docNo)}</td><td>${i.docDate}</td><td>${i.dueDate ?? ''}</td>${money(i.openFen)}<td class="num">${i.daysOverdue}</td></tr>`).join('')}
  </tbody></table>
  <h3>账龄 Ageing</h3><table><thead><tr>${s.buckets.map((b) => `<th>${esc(b)}</th>`).join('')}<th>未核销贷项 credits</th><th>余额 Balance</th></tr></thead>
  <tbody><tr>${s.ageing.map(money).join('')}${money(s.credits)}${money(s.balance)}</tr></tbody></table>
  <p><b>余额 Balance ¥${formatFen(s.balance)}　人民币${esc(s.inCapitals)}</b></p>
  <p>贵方如有异议，请于收到后十日内回复。Please reply within ten days if you disagree.</p></body></html>`;
}

/** The PDF footer of a statement of account: page x of y. */
export function statementOfAccountFooter(): string {
  return '<div style="font-size:7pt;width:100%;text-align:center;color:#555">第 <span class="pageNumber"></span> / <span class="totalPages"></span> 页</div>';
}
