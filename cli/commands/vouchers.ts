import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { commandLanguage } from '../../core/errors.js';
import { formatFen } from '../../core/money/index.js';
import { auxItemsView, setAuxItem } from '../../core/vouchers/aux-items.js';
import { importChart } from '../../core/vouchers/chart-import.js';
import { acceptProposals, mappingView, setAccountMapping } from '../../core/vouchers/chart-mapping.js';
import { exportNewVouchers, rewriteVouchers, type ExportResult } from '../../core/vouchers/export-vouchers.js';
import { chooseLayout } from '../../core/vouchers/layouts.js';
import { layoutExtension } from '../../core/vouchers/render-file.js';
import type { AccountMapping } from '../../core/vouchers/voucher-types.js';
import { previewVouchers, rememberedList } from '../../core/vouchers/voucher-views.js';
import { labelOf, renderMessage, type MessageCode, type Params } from '../../locale/index.js';
import { AUX_PARTIES, VOUCHER_FORMATS, type AuxParty, type VoucherFormat } from '../../vocabulary/index.js';
import { COMMON_OPTIONS } from '../context.js';
import { columnHeading, printJson, type Io } from '../io.js';
import { signInFromCli } from '../sign-in.js';
import { renderTable } from '../text-table.js';
import { UsageError } from '../usage.js';

const OPTIONS = {
  ...COMMON_OPTIONS, period: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, group: { type: 'string' }, layout: { type: 'string' },
  word: { type: 'string' }, start: { type: 'string' }, again: { type: 'boolean', default: false }, batch: { type: 'string' }, list: { type: 'boolean', default: false },
  mapping: { type: 'boolean', default: false }, 'accept-proposals': { type: 'boolean', default: false }, account: { type: 'string' }, map: { type: 'string' },
  'gl-name': { type: 'string' }, aux: { type: 'string' }, chart: { type: 'string' }, items: { type: 'boolean', default: false }, 'map-item': { type: 'string' },
} as const;

/** --aux customer:ka,supplier (or none): the 核算项目 a mapping keeps. */
function parseAux(text: string | undefined): Pick<AccountMapping, 'auxCustomer' | 'auxSupplier' | 'auxDepartment'> {
  const aux = { auxCustomer: 'none' as AccountMapping['auxCustomer'], auxSupplier: false, auxDepartment: false };
  for (const part of (text ?? 'none').split(',').map((p) => p.trim()).filter(Boolean)) {
    if (part === 'none') continue;
    else if (part === 'customer:ka' || part === 'customer') aux.auxCustomer = 'ka';
    else if (part === 'customer:store') aux.auxCustomer = 'store';
    else if (part === 'supplier') aux.auxSupplier = true;
    else if (part === 'department') aux.auxDepartment = true;
    else throw new UsageError('usage.vouchers-aux', { part });
  }
  return aux;
}

function positive(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new UsageError('usage.whole-number-from-one', { option });
  return Number(text);
}

/**
 * `ka-settle vouchers BOOK`: the month's postings as vouchers for the company's GL (金蝶, 用友, CSV), each remembered
 * so a second export takes only what is new; the chart-of-accounts mapping (and its import) that they need.
 */
export async function vouchersCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  const [path] = positionals;
  if (!path) throw new UsageError('usage.needs-book', { command: 'vouchers' });
  const lang = commandLanguage(io.env);
  const say = (code: MessageCode, params: Params) => io.out(renderMessage(lang, { code, params }));
  const head = (key: string) => columnHeading(lang, key);
  const format = values.format as VoucherFormat | undefined;
  if (format && !VOUCHER_FORMATS.includes(format)) throw new UsageError('usage.vouchers-format', { formats: VOUCHER_FORMATS.join(', ') });
  const grouping = values.group === undefined || values.group === 'document' ? 'document' : values.group === 'day' ? 'day_kind' : null;
  if (!grouping) throw new UsageError('usage.vouchers-group');
  const book = await openExistingBook(path);
  try {
    const user = async () => signInFromCli(book, io, values.user);
    if (values.chart) {
      const r = await importChart(book, await user(), values.chart);
      if (values.json) printJson(io, r);
      else say('vouchers.chart-imported', { file: values.chart, accounts: r.accounts, leaves: r.leaves, row: r.headerRow });
      return 0;
    }
    if (values['accept-proposals']) {
      const count = acceptProposals(book, await user(), values.account ? values.account.split(',') : undefined);
      if (values.json) printJson(io, { accepted: count });
      else say('vouchers.proposals-accepted', { count });
      return 0;
    }
    if (values.map) {
      const at = values.map.indexOf('=');
      if (at <= 0) throw new UsageError('usage.vouchers-map');
      const m = setAccountMapping(book, await user(), values.map.slice(0, at), { glCode: values.map.slice(at + 1), glName: values['gl-name'] ?? '', ...parseAux(values.aux) });
      if (values.json) printJson(io, m);
      else say('vouchers.mapped', { account: values.map.slice(0, at), code: m.glCode, name: m.glName });
      return 0;
    }
    if (values['map-item']) {
      const m = /^([a-z]+):([^=]+)=(.*)$/.exec(values['map-item']);
      if (!m || !AUX_PARTIES.includes(m[1] as AuxParty)) throw new UsageError('usage.vouchers-map-item', { parties: AUX_PARTIES.join('|') });
      const item = setAuxItem(book, await user(), m[1] as AuxParty, m[2]!, m[3] ? { code: m[3], name: values['gl-name'] ?? '' } : null);
      if (values.json) printJson(io, item);
      else say('vouchers.item-mapped', { party: item.party, code: item.code, glCode: item.glCode, glName: item.glName });
      return 0;
    }
    if (values.items) {
      const items = auxItemsView(book);
      if (values.json) printJson(io, items);
      else io.out(renderTable(items, [
        { header: head('party'), value: (i) => labelOf(lang, 'auxParties', i.party) }, { header: head('code'), value: (i) => i.code }, { header: head('name'), value: (i) => i.name },
        { header: head('gl_code'), value: (i) => i.glCode }, { header: head('gl_name'), value: (i) => i.glName }, { header: '', value: (i) => (i.overridden ? '*' : '') },
      ]));
      return 0;
    }
    if (values.mapping) {
      const view = mappingView(book, values.period);
      if (values.json) printJson(io, view);
      else {
        io.out(renderTable(view.rows, [
          { header: head('account'), value: (r) => r.account }, { header: head('name'), value: (r) => (lang === 'zh' ? r.nameZh : r.nameEn) },
          { header: head('state'), value: (r) => labelOf(lang, 'mappingStates', r.state) }, { header: head('gl_code'), value: (r) => r.mapping?.glCode ?? '' },
          { header: head('gl_name'), value: (r) => r.mapping?.glName ?? '' },
          { header: head('aux_items'), value: (r) => (r.mapping ? [r.mapping.auxCustomer !== 'none' ? `${labelOf(lang, 'auxDimensions', 'customer')}=${labelOf(lang, 'customerSources', r.mapping.auxCustomer)}` : '', r.mapping.auxSupplier ? labelOf(lang, 'auxDimensions', 'supplier') : '', r.mapping.auxDepartment ? labelOf(lang, 'auxDimensions', 'department') : ''].filter(Boolean).join(' ') : '') },
          ...(values.period ? [{ header: renderMessage(lang, { code: 'cli.col-entries-in', params: { period: values.period } }), value: (r: (typeof view.rows)[number]) => String(r.entries), right: true }] : []),
        ]));
        if (view.chart.accounts) say('cli.vouchers-chart', { accounts: view.chart.accounts, leaves: view.chart.leaves });
      }
      return 0;
    }

    if (!values.period) throw new UsageError('usage.vouchers-needs-period');
    const period = values.period;
    if (values.list) {
      const rows = rememberedList(book, period, positive(values.batch, '--batch'));
      if (values.json) printJson(io, rows);
      else io.out(rows.length ? renderTable(rows, [
        { header: head('voucher'), value: (v) => `${v.word}-${v.number}`, right: true }, { header: head('doc_date'), value: (v) => v.date }, { header: head('summary'), value: (v) => v.summary },
        { header: head('debit'), value: (v) => formatFen(v.debit), right: true }, { header: head('documents'), value: (v) => v.documents.join(' ') },
      ]) : renderMessage(lang, { code: 'cli.none' }));
      return 0;
    }
    if (!values.out) {
      const preview = previewVouchers(book, period, grouping, values.word);
      if (values.json) printJson(io, preview);
      else {
        say('cli.vouchers-preview', { period, status: preview.periodStatus, documents: preview.pendingDocuments, vouchers: preview.voucherCount, debit: preview.debit, before: preview.remembered.vouchers, exports: preview.exports.length });
        if (preview.unmapped.length) io.out(renderMessage(lang, { code: 'vouchers.unmapped', params: { period, accounts: preview.unmapped.map((u) => ({ code: 'vouchers.account', params: { account: u.account } })) } }));
        if (preview.blocked) io.out(renderMessage(lang, preview.blocked));
      }
      return 0;
    }

    const extension = extname(values.out).slice(1).toLowerCase();
    const layout = chooseLayout({ format, layout: values.layout, extension });
    if (!values.layout && !format) throw new UsageError('usage.vouchers-out-format');
    if (layoutExtension(layout) !== extension) throw new UsageError('usage.vouchers-layout-extension', { layout: layout.name, extension: layoutExtension(layout) });
    let r: ExportResult;
    if (values.again) {
      r = await rewriteVouchers(book, { period, batch: positive(values.batch, '--batch'), layout, path: values.out, user: await user() });
      if (values.json) printJson(io, r);
      else say('vouchers.rewritten', { period, vouchers: r.vouchers, first: r.first, last: r.last, debit: r.debit, file: values.out });
      return 0;
    }
    r = await exportNewVouchers(book, { period, grouping, layout, path: values.out, user: await user(), word: values.word, startNumber: positive(values.start, '--start') });
    if (values.json) printJson(io, r);
    else if (r.batch === null) say('vouchers.none-new', { period, vouchers: previewVouchers(book, period, grouping).remembered.vouchers });
    else say('vouchers.exported', { period, batch: r.batch, vouchers: r.vouchers, first: r.first, last: r.last, documents: r.documents, debit: r.debit, file: values.out });
    return 0;
  } finally {
    book.close();
  }
}
