import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { resolveDocument } from '../../core/corrections/chain-view.js';
import { reallocateRemittance, type ChosenItem } from '../../core/corrections/reallocate.js';
import { commandLanguage } from '../../core/errors.js';
import { formatFen } from '../../core/money/format.js';
import { parseAmount } from '../../core/money/parse.js';
import { REALLOCATION_MODES, type ReallocationMode } from '../../vocabulary/index.js';
import type { Book } from '../../core/book/open-book.js';
import { COMMON_OPTIONS } from '../context.js';
import { correctionActor, say } from '../correction-text.js';
import { printJson, type Io } from '../io.js';
import { UsageError } from '../usage.js';

const OPTIONS = { ...COMMON_OPTIONS, reason: { type: 'string' }, by: { type: 'string' }, items: { type: 'string' } } as const;

/** "YS1,YS2=500.00" → the documents chosen, each with an amount where one is given. */
function chosenItems(book: Book, text: string): ChosenItem[] {
  return text.split(/[,，]/).map((p) => p.trim()).filter(Boolean).map((part) => {
    const at = part.lastIndexOf('=');
    const ref = at > 0 ? part.slice(0, at) : part;
    const doc = resolveDocument(book, ref);
    return { documentId: doc.id, ...(at > 0 ? { amountFen: parseAmount(part.slice(at + 1), { field: '--items' }) } : {}) };
  });
}

/** `ka-settle reallocate BOOK REMITTANCE --reason R [--by references|oldest] [--items DOC[=AMOUNT],...]`: 重新核销. */
export async function reallocateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  const [path, ref] = positionals;
  if (!path || !ref || positionals.length !== 2) throw new UsageError('usage.reallocate-needs');
  if (!values.reason?.trim()) throw new UsageError('usage.reallocate-reason');
  const mode = (values.items ? 'items' : values.by ?? 'references') as ReallocationMode;
  if (!(REALLOCATION_MODES as readonly string[]).includes(mode)) throw new UsageError('usage.one-of', { option: '--by', values: REALLOCATION_MODES.join(', ') });
  if (mode === 'items' && !values.items) throw new UsageError('usage.reallocate-items');
  const book = await openExistingBook(path);
  try {
    const actor = await correctionActor(book, io, values.user);
    const remittance = resolveDocument(book, ref);
    const report = reallocateRemittance(book, remittance.id, { mode, ...(values.items ? { items: chosenItems(book, values.items) } : {}), actor, reason: values.reason });
    const lang = commandLanguage(io.env);
    if (values.json) printJson(io, report);
    else {
      io.out(report.clearingId === null
        ? say(lang, 'corrections.done-nothing-to-apply', { docNo: report.docNo, unapplied: report.unapplied })
        : say(lang, 'corrections.done-reallocated', { docNo: report.docNo, mode, applied: report.applied, unapplied: report.unapplied }));
      for (const a of report.allocation) io.out(`  ${a.docNo}  ${formatFen(-a.amountFen)}`);
    }
    return 0;
  } finally {
    book.close();
  }
}
