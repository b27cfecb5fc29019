import type { Language } from '../../locale/index.js';
import { formatFen } from '../money/format.js';
import { headOfSigner, type StatementDocument, type StatementView } from './statement-document.js';
import { detailValue, printWords, signerWords, statementDetails, statementSections, type Cell, type DetailColumn, type PrintWords } from './statement-sections.js';
import { verificationMark } from './verification-mark.js';
import { localDateOf } from '../calendar/dates.js';

const escape = (t: string) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A date or month is never broken over two lines. */
const DATE = /^\d{4}-\d{2}(-\d{2})?$/;

/** Document numbers and dates in a text (红字 YSC010-R) keep together: a line breaks between words, not inside one. */
const keepTogether = (html: string) => html.replace(/[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+/g, (m) => `<span class="nw">${m}</span>`);

function cell(v: Cell): string {
  if (typeof v === 'string') return `<td${DATE.test(v) ? ' class="date"' : ''}>${keepTogether(escape(v))}</td>`;
  if ('fen' in v) return `<td class="num${v.fen < 0 ? ' neg' : ''}">${formatFen(v.fen)}</td>`;
  return `<td${v.bold ? ' class="b"' : ''}>${escape(v.text)}</td>`;
}

function detailCell(c: DetailColumn, v: unknown, words: PrintWords): string {
  if (typeof v === 'number' && c.money) return cell({ fen: v });
  if (typeof v === 'number' && c.qty) return `<td class="num">${v / 1000}</td>`;
  const text = String(detailValue(c, v, words) ?? '');
  return `<td${DATE.test(text) ? ' class="date"' : ''}>${escape(text)}</td>`;
}

/** The sign-off block: who prepared, reviewed and approved (姓名 beside the login), and a 盖章 box for each party. */
function signatureBlock(doc: StatementView, words: PrintWords): string {
  const signers = doc.signers.map((x) => {
    const s = signerWords(x, words);
    const head = headOfSigner(doc, x);
    const chain = head ? `<span class="chain">${escape(words.w('print.audit-head', { rows: head.chain.rows, hash: head.chain.hash.slice(0, 16) }))}</span>` : '';
    return `<div class="signer"><span class="role">${escape(s.role)}</span><span class="person">${escape(s.person)}</span><span class="date">${escape(words.w('print.signed-on', { date: s.date }))}</span>${chain}</div>`;
  }).join('');
  const seal = (party: 'print.seal-distributor' | 'print.seal-manufacturer', name: string) =>
    `<div class="seal"><div class="seal-box"></div><span>${escape(words.w('print.seal', { party: words.w(party) }))}</span><span class="party">${escape(name)}</span></div>`;
  return `<div class="signatures">${signers}</div>
<div class="seals">${seal('print.seal-distributor', doc.content.distributor.name)}${seal('print.seal-manufacturer', doc.content.manufacturer.name)}</div>`;
}

/**
 * The statement as an A4 HTML page for Chromium's print engine (Electron's printToPDF in the app, the system's
 * Chromium from the command line) in the reader's language: CJK fonts, table headers repeated on every page, and
 * grand totals in the last body row (a tfoot would repeat on every page). Page numbers and the hash go in the
 * print footer.
 */
export function statementHtml(doc: StatementView, options: { withDetails?: boolean; lang?: Language } = {}): string {
  const lang = options.lang ?? 'zh';
  const words = printWords(lang);
  const { w } = words;
  const s = doc.content;
  const sections = statementSections(s, lang).map((sec) => `
    <h2>${escape(sec.title)}</h2>
    <table><thead><tr>${sec.header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead>
    <tbody>${sec.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}${sec.total ? `<tr class="total">${sec.total.map(cell).join('')}</tr>` : ''}</tbody></table>`).join('');
  // A summary has no detail rows to print: asking it for them is a mistake of the caller, never an empty page.
  if (options.withDetails && !s.details) throw new Error('statementHtml: the detail tables were asked of a statement summary');
  const details = options.withDetails && s.details ? statementDetails({ ...s, details: s.details }, lang).filter((d) => d.rows.length).map((d) => `
    <h2 class="page">${escape(d.name)}</h2>
    <table class="detail"><thead><tr>${d.columns.map((c) => `<th>${escape(c.header)}</th>`).join('')}</tr></thead>
    <tbody>${d.rows.map((r) => `<tr>${d.columns.map((c) => detailCell(c, r[c.key], words)).join('')}</tr>`).join('')}</tbody></table>`).join('') : '';
  const confirmations = doc.confirmations.map((c) => `<p>${escape(w('print.confirmation', {
    party: c.party, ka: c.ka ?? '', result: c.result, reasons: c.reasons ? `— ${c.reasons}` : '',
    by: c.recordedByName && c.recordedByName !== c.recordedBy ? words.say({ code: 'users.person', params: { name: c.recordedByName, login: c.recordedBy } }) : c.recordedBy,
    date: localDateOf(c.recordedAt),
  }))}</p>`).join('');
  const title = w('print.statement-title', { manufacturer: s.manufacturer.name, distributor: s.distributor.name });
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escape(title)} ${s.period}</title>
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
  td.date, span.nw { white-space: nowrap; }
  td.neg { color: #b00020; }
  td.b, tr.total td { font-weight: 700; }
  table.detail { font-size: 7.5pt; }
  .capitals { margin-top: 4mm; font-size: 11pt; font-weight: 700; }
  .sign-off { page-break-inside: avoid; }
  .signatures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6mm; margin-top: 8mm; }
  .signer { border-top: 0.5pt solid #333; padding-top: 1.5mm; min-height: 14mm; display: flex; flex-direction: column; gap: 1mm; }
  .signer .role { font-weight: 600; }
  .seals { display: grid; grid-template-columns: 1fr 1fr; gap: 12mm; margin-top: 6mm; }
  .seal { display: flex; flex-direction: column; align-items: center; gap: 1mm; }
  .seal-box { width: 42mm; height: 42mm; border: 0.5pt dashed #777; border-radius: 50%; }
  .seal .party { color: #444; }
  .draft { color: #b00020; font-weight: 700; text-align: center; }
  .chain { font-size: 6.5pt; color: #555; font-family: monospace; word-break: break-all; }
  .verify { margin-top: 4mm; font-size: 6pt; color: #555; font-family: monospace; word-break: break-all; }
</style></head><body>
<h1>${escape(title)}</h1>
${doc.version === null ? `<p class="draft">${escape(w('print.draft'))}</p>` : ''}
<div class="parties">
  <div>${escape(w('print.distributor', { code: s.distributor.code, name: s.distributor.name }))}</div>
  <div>${escape(w('print.manufacturer', { code: s.manufacturer.code, name: s.manufacturer.name }))}</div>
  <div>${escape(w('print.period', { period: s.period }))}</div>
  <div>${escape(doc.version === null ? w('print.version-draft') : w('print.version', { version: doc.version, status: doc.status }))}</div>
</div>
${sections}
<div class="sign-off">
<p class="capitals">${escape(w('print.capitals', { amount: s.netDue.fromManufacturer, capitals: s.netDue.inCapitals }))}</p>
${signatureBlock(doc, words)}
</div>
${verificationMark(doc) ? `<p class="verify">${escape(w('print.verify', { mark: verificationMark(doc)! }))}</p>` : ''}
${confirmations}
${details}
</body></html>`;
}

/** The print footer: page x of y and the statement's hash on every page. */
export function statementFooter(doc: StatementDocument, lang: Language = 'zh'): string {
  const page = escape(printWords(lang).w('print.page', { page: '\u0001', pages: '\u0002' }))
    .replace('\u0001', '<span class="pageNumber"></span>').replace('\u0002', '<span class="totalPages"></span>');
  return `<div style="font-family: sans-serif; font-size: 7pt; width: 100%; padding: 0 12mm; display: flex; justify-content: space-between; color: #555;">
    <span>SHA-256 ${doc.sha256}</span><span>${page}</span></div>`;
}
