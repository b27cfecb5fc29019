import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { moveClaim } from '../../core/reconcile/fee-claims.js';
import { claimsView, claimView } from '../../core/views/reconcile-views.js';
import { COMMON_OPTIONS } from '../context.js';
import { writeAs } from '../sign-in.js';
import { printJson, printRows, type Io } from '../io.js';
import { UsageError } from '../usage.js';
import { wordsOf } from '../words.js';
import { today } from '../../core/calendar/dates.js';

const MOVES = { submit: 'submitted', approve: 'approved', 'write-off': 'written_off', reject: 'rejected' } as const;
const MOVE_PERMISSION = { submit: 'claims.submit', approve: 'claims.approve', 'write-off': 'claims.write-off', reject: 'claims.reject' } as const;
const STATUSES = ['draft', 'submitted', 'approved', 'written_off', 'rejected'];

export async function claimsCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    ...COMMON_OPTIONS, status: { type: 'string' }, submit: { type: 'string' }, approve: { type: 'string' }, 'write-off': { type: 'string' },
    reject: { type: 'string' }, show: { type: 'string' }, reason: { type: 'string' }, date: { type: 'string' },
    limit: { type: 'string', default: '100' }, offset: { type: 'string', default: '0' },
  } });
  const [path] = positionals;
  if (!path) throw new UsageError('usage.needs-book', { command: 'claims' });
  if (values.status && !STATUSES.includes(values.status)) throw new UsageError('usage.one-of', { option: '--status', values: STATUSES.join(', ') });
  const moves = (Object.keys(MOVES) as (keyof typeof MOVES)[]).filter((m) => values[m] !== undefined);
  if (moves.length > 1) throw new UsageError('usage.one-action-at-a-time', { options: '--submit, --approve, --write-off, --reject' });
  const book = await openExistingBook(path);
  try {
    if (moves.length === 1) {
      const move = moves[0]!;
      const id = values[move]!;
      if (!/^\d+$/.test(id)) throw new UsageError('usage.takes-claim-id', { option: `--${move}` });
      const status = moveClaim(book, Number(id), MOVES[move], await writeAs(book, io, values.user, MOVE_PERMISSION[move]), {
        date: values.date ?? today(), ...(values.reason ? { reason: values.reason } : {}),
      });
      if (values.json) printJson(io, { claim: Number(id), status });
      else io.out(wordsOf(io).w('cli.claim-is', { id, status }));
      return 0;
    }
    if (values.show) {
      if (!/^\d+$/.test(values.show)) throw new UsageError('usage.takes-claim-id', { option: '--show' });
      const claim = claimView(book, Number(values.show));
      if (values.json) printJson(io, claim);
      else {
        const { evidence, ...head } = claim;
        printRows(io, [head], false);
        io.out(JSON.stringify(evidence, null, 2));
      }
      return 0;
    }
    const view = claimsView(book, values.status ?? null, { limit: Number(values.limit), offset: Number(values.offset) });
    if (values.json) printJson(io, view);
    else {
      printRows(io, view.counts, false, '(no claims yet: reconcile a period to create them)');
      if (view.claims.length) {
        io.out('');
        printRows(io, view.claims, false);
      }
    }
    return 0;
  } finally {
    book.close();
  }
}
