import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { acceptCloseExceptions, approvePeriod, closeExceptions, preparePeriod, reopenPeriod, reviewPeriod } from '../../core/close/close-period.js';
import { assertPeriod } from '../../core/calendar/dates.js';
import { backupBeforeRisk } from '../../core/book/backup.js';
import { COMMON_OPTIONS } from '../context.js';
import { printJson, printRows, type Io } from '../io.js';
import { signInFromCli } from '../sign-in.js';
import { UsageError } from '../usage.js';
import { wordsOf } from '../words.js';

const STEPS = ['prepare', 'review', 'approve', 'reopen', 'exceptions', 'accept', 'accept-all'] as const;
const STEP_PERMISSION = {
  prepare: 'close.prepare', review: 'close.review', approve: 'close.approve', reopen: 'close.reopen', accept: 'close.accept', 'accept-all': 'close.accept',
} as const;

export async function closeCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    ...COMMON_OPTIONS, period: { type: 'string' }, reason: { type: 'string' }, 'as-of': { type: 'string' },
    prepare: { type: 'boolean' }, review: { type: 'boolean' }, approve: { type: 'boolean' }, reopen: { type: 'boolean' },
    exceptions: { type: 'boolean' }, accept: { type: 'string', multiple: true }, 'accept-all': { type: 'boolean' },
  } });
  const [path] = positionals;
  const steps = STEPS.filter((s) => values[s] !== undefined && values[s] !== false);
  if (!path || !values.period || steps.length !== 1) throw new UsageError('usage.close-needs');
  const period = assertPeriod(values.period, { field: '--period' });
  const book = await openExistingBook(path);
  try {
    const step = steps[0]!;
    if (step === 'exceptions') {
      printRows(io, closeExceptions(book, period, values['as-of']) as unknown as Record<string, unknown>[], values.json, `(none: ${period} can be prepared)`);
      return 0;
    }
    const user = await signInFromCli(book, io, values.user, STEP_PERMISSION[step]);
    switch (step) {
      case 'accept':
      case 'accept-all': {
        const n = acceptCloseExceptions(book, period, step === 'accept-all' ? 'all' : values.accept!, values.reason ?? '', user);
        if (values.json) printJson(io, { period, accepted: n });
        else io.out(wordsOf(io).w('cli.close-accepted', { count: n, period, reason: values.reason ?? '' }));
        return 0;
      }
      case 'prepare': {
        const r = preparePeriod(book, period, user, values['as-of']);
        if (values.json) printJson(io, { period, status: 'prepared', ...r });
        else {
          const { w } = wordsOf(io);
          io.out(w('cli.close-prepared', { period, user: user.username }));
          for (const s of r.statements) io.out(`  ${w('cli.close-statement', { distributor: s.distributor, version: s.version, sha256: s.sha256 })}`);
        }
        return 0;
      }
      case 'review':
      case 'approve': {
        // A copy of the book before the month is locked.
        if (step === 'approve') await backupBeforeRisk(book, `before-close-${period}`);
        const status = step === 'review' ? reviewPeriod(book, period, user) : approvePeriod(book, period, user);
        if (values.json) printJson(io, { period, status });
        else io.out(wordsOf(io).w(status === 'closed' ? 'cli.close-approved' : 'cli.close-reviewed', { period, user: user.username }));
        return 0;
      }
      case 'reopen': {
        reopenPeriod(book, period, user, values.reason ?? '');
        if (values.json) printJson(io, { period, status: 'open' });
        else io.out(wordsOf(io).w('cli.close-reopened', { period, user: user.username, reason: values.reason ?? '' }));
        return 0;
      }
    }
    return 0;
  } finally {
    book.close();
  }
}
