import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { statementDocument, recordConfirmation } from '../../core/statement/statement-service.js';
import { statementFooter, statementHtml } from '../../core/statement/statement-html.js';
import { writeStatementXlsx } from '../../core/statement/statement-xlsx.js';
import { COMMON_OPTIONS } from '../context.js';
import { printJson, type Io } from '../io.js';
import { printPdf } from '../../services/print/chromium-pdf.js';
import { signInFromCli } from '../sign-in.js';
import { requirePermission } from '../../core/users/permissions.js';
import { UsageError } from '../usage.js';
import { wordsOf } from '../words.js';

export async function statementCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    ...COMMON_OPTIONS, period: { type: 'string' }, distributor: { type: 'string' }, manufacturer: { type: 'string' }, out: { type: 'string' },
    version: { type: 'string' }, confirm: { type: 'string' }, result: { type: 'string' }, reason: { type: 'string' },
    details: { type: 'boolean', default: false }, screenshot: { type: 'string' },
  } });
  const [path] = positionals;
  if (!path || !values.period || !values.distributor) throw new UsageError('usage.statement-needs');
  if (values.version && !/^\d+$/.test(values.version)) throw new UsageError('usage.takes-number', { option: '--version' });
  const book = await openExistingBook(path);
  try {
    if (values.confirm) {
      const [party, kaCode] = values.confirm.split(':');
      if ((party !== 'manufacturer' && party !== 'ka') || !['confirmed', 'disputed'].includes(values.result ?? '')) {
        throw new UsageError('usage.statement-confirm');
      }
      const user = await signInFromCli(book, io, values.user, 'statement.confirm');
      requirePermission(user, 'statement.confirm');
      recordConfirmation(book, values.period, values.distributor, { party, ...(kaCode ? { kaCode } : {}), result: values.result as 'confirmed' | 'disputed', ...(values.reason ? { reasons: values.reason } : {}) }, user);
      io.out(wordsOf(io).w('cli.confirmation-recorded', { party, ka: kaCode ? ` ${kaCode}` : '', result: values.result ?? '', distributor: values.distributor, period: values.period }));
      return 0;
    }
    const out = values.out;
    if (!out || !/\.(xlsx|pdf|json)$/i.test(out)) throw new UsageError('usage.statement-out');
    const doc = statementDocument(book, values.period, values.distributor, values.manufacturer, values.version ? Number(values.version) : undefined);
    const kind = out.toLowerCase().split('.').pop();
    if (kind === 'json') writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
    else if (kind === 'xlsx') await writeStatementXlsx(doc, out, wordsOf(io).lang);
    else await printPdf(statementHtml(doc, { withDetails: values.details, lang: wordsOf(io).lang }), out, statementFooter(doc, wordsOf(io).lang), values.screenshot);
    if (values.json) printJson(io, { out, version: doc.version, status: doc.status, sha256: doc.sha256, netDue: doc.content.netDue });
    else io.out(wordsOf(io).w(doc.version === null ? 'cli.statement-draft-written' : 'cli.statement-written', { out, distributor: values.distributor, period: values.period, version: doc.version ?? 0, status: doc.status, sha256: doc.sha256 }));
    return 0;
  } finally {
    book.close();
  }
}
