import { formatFen } from '../money/format.js';
import type { StatementDocument } from './statement-document.js';
import { statementDetails, statementSections, type Cell } from './statement-sections.js';
import { verificationMark } from './verification-mark.js';

const STEP_OF_ROLE = ['prepare', 'review', 'approve'] as const;
import { localDateOf } from '../calendar/dates.js';

const escape = (t: string) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function cell(v: Cell): string {
  if (typeof v === 'string') return `<td>${escape(v)}</td>`;
  if ('fen' in v) return `<td class="num${v.fen < 0 ? ' neg' : ''}">${formatFen(v.fen)}</td>`;
  return `<td${v.bold ? ' class="b"' : ''}>${escape(v.text)}</td>`;
}

/**
 * The statement as an A4 HTML page for Chromium's print engine (Electron's printToPDF in the app, the system's
 * Chromium from the command line): CJK fonts, table headers repeated on every page, and grand totals in the last
 * body row (a tfoot would repeat on every page). Page numbers and the hash go in the print footer.
 */
export function statementHtml(doc: StatementDocument, options: { withDetails?: boolean } = {}): string {
  const s = doc.content;
  const sections = statementSections(s).map((sec) => `
    <h2>${escape(sec.title)}</h2>
    <table><thead><tr>${sec.header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead>
    <tbody>${sec.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}${sec.total ? `<tr class="total">${sec.total.map(cell).join('')}</tr>` : ''}</tbody></table>`).join('');
  const details = options.withDetails ? statementDetails(s).filter((d) => d.rows.length).map((d) => `
    <h2 class="page">${escape(d.name)}</h2>
    <table class="detail"><thead><tr>${d.columns.map((c) => `<th>${escape(c.header)}</th>`).join('')}</tr></thead>
    <tbody>${d.rows.map((r) => `<tr>${d.columns.map((c) => {
      const v = r[c.key];
      if (typeof v === 'number' && c.money) return cell({ fen: v });
      if (typeof v === 'number' && c.qty) return `<td class="num">${v / 1000}</td>`;
      return `<td>${escape(String(v ?? ''))}</td>`;
    }).join('')}</tr>`).join('')}</tbody></table>`).join('') : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>结算单 ${escape(s.distributor.code)} ${s.period}</title>
<style>
  @page { size: A4; margin: 16mm 12mm 18mm 12mm; }
  body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif; font-size: 9pt; color: #111; }
  h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
  h2 { font-size: 10.5pt; margin: 5mm 0 1.5mm; }
  h2.page { page-break-before: always; }
  .parties { display: grid; grid-template-columns: 1fr 1fr; gap: 1mm 6mm; margin-bottom: 2mm; }
  table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  th, td { border: 0.5pt solid #999; padding: 1mm 1.5mm; }
  th { background: #e8eef7; font-weight: 600; text-align: left; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  td.neg { color: #b00020; }
  td.b, tr.total td { font-weight: 700; }
  table.detail { font-size: 7.5pt; }
  .capitals { margin-top: 4mm; font-size: 11pt; font-weight: 700; }
  .signatures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6mm; margin-top: 8mm; }
  .signatures div { border-top: 0.5pt solid #333; padding-top: 1.5mm; min-height: 14mm; }
  .draft { color: #b00020; font-weight: 700; text-align: center; }
  .chain { font-size: 6.5pt; color: #555; font-family: monospace; word-break: break-all; }
  .verify { margin-top: 4mm; font-size: 6pt; color: #555; font-family: monospace; word-break: break-all; }
</style></head><body>
<h1>${escape(s.manufacturer.name)} · ${escape(s.distributor.name)} 结算单</h1>
${doc.version === null ? '<p class="draft">草稿 DRAFT — not prepared, not signed</p>' : ''}
<div class="parties">
  <div>经销商 Distributor: ${escape(s.distributor.code)} ${escape(s.distributor.name)}</div>
  <div>厂家 Manufacturer: ${escape(s.manufacturer.code)} ${escape(s.manufacturer.name)}</div>
  <div>期间 Period: ${s.period}</div>
  <div>版本 Version: ${doc.version ?? '草稿'} (${escape(doc.status)})</div>
</div>
${sections}
<p class="capitals">厂家应付经销商 Due from the manufacturer: ¥${formatFen(s.netDue.fromManufacturer)}　人民币${escape(s.netDue.inCapitals)}</p>
<div class="signatures">${doc.signers.map((x, i) => {
    // Each signature shows the audit chain's head its signer saw: row count and the start of its hash.
    const head = doc.heads.filter((h) => h.step === STEP_OF_ROLE[i]).at(-1);
    return `<div>${escape(x.role)}<br>${escape(x.name ?? '')}<br>${escape(x.at ? localDateOf(x.at) : '')}${head ? `<br><span class="chain">审计链 Audit chain #${head.chain.rows} ${head.chain.hash.slice(0, 16)}</span>` : ''}</div>`;
  }).join('')}</div>
${verificationMark(doc) ? `<p class="verify">核验 Verification (ka-settle check BOOK --against FILE.pdf): ${escape(verificationMark(doc)!)}</p>` : ''}
${doc.confirmations.map((c) => `<p>回签 ${escape(c.party)}${c.ka ? ` ${escape(c.ka)}` : ''}: ${escape(c.result)}${c.reasons ? ` — ${escape(c.reasons)}` : ''} (${escape(c.recordedBy)}, ${localDateOf(c.recordedAt)})</p>`).join('')}
${details}
</body></html>`;
}

/** The print footer: page x of y and the statement's hash on every page. */
export function statementFooter(doc: StatementDocument): string {
  return `<div style="font-family: sans-serif; font-size: 7pt; width: 100%; padding: 0 12mm; display: flex; justify-content: space-between; color: #555;">
    <span>SHA-256 ${doc.sha256}</span><span>第 <span class="pageNumber"></span> / <span class="totalPages"></span> 页</span></div>`;
}
