import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { assertIsoDate, assertPeriod } from '../../core/calendar/dates.js';
import { DOCUMENT_KINDS } from '../../core/ledger/document-kinds.js';
import {
  auditView, balancesView, bookSummary, contractView, documentView, documentsView, injectionsView, MASTER_DATA_VIEWS,
  masterDataView, periodsView, type MasterDataView,
} from '../../core/views/book-views.js';
import { COMMON_OPTIONS } from '../context.js';
import { chainLines } from '../correction-text.js';
import { commandLanguage } from '../../core/errors.js';
import { importBatchesView } from '../../core/corrections/batches-view.js';
import { printJson, printRows, type Io } from '../io.js';
import { UsageError } from '../usage.js';
import { wordsOf } from '../words.js';

const OPTIONS = {
  ...COMMON_OPTIONS,
  kind: { type: 'string' }, period: { type: 'string' }, ka: { type: 'string' }, distributor: { type: 'string' }, batch: { type: 'string' },
  by: { type: 'string', default: 'account' }, 'as-of': { type: 'string' },
  limit: { type: 'string', default: '100' }, offset: { type: 'string', default: '0' },
} as const;

const BALANCE_GROUPINGS = ['account', 'ka', 'distributor', 'period'] as const;

function count(text: string, name: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError('usage.whole-number', { option: `--${name}` });
  return Number(text);
}

export async function showCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  const [path, what = 'summary', key] = positionals;
  if (!path) throw new UsageError('usage.show-needs-book');
  const page = { limit: count(values.limit, 'limit'), offset: count(values.offset, 'offset') };
  const json = values.json;
  if (what === 'documents' && values.kind && !(DOCUMENT_KINDS as readonly string[]).includes(values.kind)) {
    throw new UsageError('usage.one-of', { option: '--kind', values: DOCUMENT_KINDS.join(', ') });
  }
  if (!(BALANCE_GROUPINGS as readonly string[]).includes(values.by)) throw new UsageError('usage.one-of', { option: '--by', values: BALANCE_GROUPINGS.join(', ') });
  if ((what === 'contract' || what === 'document') && !key) throw new UsageError(what === 'contract' ? 'usage.show-contract-needs' : 'usage.show-document-needs');

  const book = await openExistingBook(path, { readonly: false });
  const { w, label } = wordsOf(io);
  try {
    if ((MASTER_DATA_VIEWS as readonly string[]).includes(what)) {
      printRows(io, masterDataView(book, what as MasterDataView, page, values.ka), json);
      return 0;
    }
    switch (what) {
      case 'summary': {
        const s = bookSummary(book);
        if (json) return printJson(io, s), 0;
        io.out(w('cli.show-book', { path: s.path, schema: s.schemaVersion, name: s.info.name ?? '' }));
        io.out(Object.entries(s.masterData).map(([k, v]) => `${label('importKinds', k === 'kaAccounts' ? 'ka-accounts' : k)} ${v}`).join(', '));
        printRows(io, s.documents, false, w('cli.no-documents'));
        io.out(w('cli.show-periods', { list: s.periods.map((p) => `${p.period}${p.status === 'open' ? '' : w('cli.period-status', { status: p.status })}`).join(' ') || w('cli.none') }));
        return 0;
      }
      case 'contract':
        if (json) printJson(io, contractView(book, key!));
        else {
          const c = contractView(book, key!);
          const { feeTerms, tiers, exclusions, deliveryCost, ...head } = c;
          printRows(io, [head], false);
          io.out(`\n${w('cli.fee-terms')}`);
          printRows(io, feeTerms as unknown as Record<string, unknown>[], false);
          io.out(`\n${w('cli.rebate-tiers')}`);
          printRows(io, tiers as unknown as Record<string, unknown>[], false);
          if (exclusions.length) { io.out(`\n${w('cli.rebate-exclusions')}`); printRows(io, exclusions as unknown as Record<string, unknown>[], false); }
          io.out(`\n${w('cli.delivery-cost')}`);
          printRows(io, deliveryCost as unknown as Record<string, unknown>[], false);
        }
        return 0;
      case 'documents': {
        if (values.period) assertPeriod(values.period, { field: '--period' });
        const filter = { ...(values.kind ? { kind: values.kind } : {}), ...(values.period ? { period: values.period } : {}),
          ...(values.ka ? { kaCode: values.ka } : {}), ...(values.distributor ? { distributorCode: values.distributor } : {}),
          ...(values.batch ? { batchId: count(values.batch, 'batch') } : {}) };
        printRows(io, documentsView(book, filter, page), json, w('cli.no-documents'));
        return 0;
      }
      case 'document': {
        const docs = documentView(book, key!);
        if (json) return printJson(io, docs), 0;
        for (const d of docs) {
          const { lines, entries, chain, ...head } = d;
          printRows(io, [head], false);
          io.out('');
          printRows(io, lines, false);
          io.out('');
          printRows(io, entries as unknown as Record<string, unknown>[], false, w('cli.no-entries-posted'));
          const history = chainLines(commandLanguage(io.env), chain);
          if (history.length) io.out(['', ...history].join('\n'));
        }
        return 0;
      }
      case 'balances': {
        const asOf = values['as-of'] ? assertIsoDate(values['as-of'], { field: '--as-of' }) : undefined;
        printRows(io, balancesView(book, values.by as (typeof BALANCE_GROUPINGS)[number], asOf) as unknown as Record<string, unknown>[], json, w('cli.no-entries'));
        return 0;
      }
      case 'batches':
        printRows(io, importBatchesView(book, page) as unknown as Record<string, unknown>[], json, w('cli.no-imports'));
        return 0;
      case 'periods':
        printRows(io, periodsView(book) as unknown as Record<string, unknown>[], json, w('cli.no-periods'));
        return 0;
      case 'audit':
        printRows(io, auditView(book, page) as unknown as Record<string, unknown>[], json);
        return 0;
      case 'injections': {
        const v = injectionsView(book, page, values.kind);
        if (json) printJson(io, v);
        else {
          printRows(io, v.counts, false, w('cli.not-a-demo'));
          if (values.kind) printRows(io, v.rows, false);
        }
        return 0;
      }
      default:
        throw new UsageError('usage.show-unknown', { what, views: ['summary', ...MASTER_DATA_VIEWS, 'contract', 'documents', 'document', 'batches', 'balances', 'periods', 'audit', 'injections'].join(', ') });
    }
  } finally {
    book.close();
  }
}
