import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { creditMethods } from '../../contract/credit-methods.js';
import { channelWatch } from '../../core/credit/channel-watch.js';
import { dunningList, recordFollowUp } from '../../core/credit/dunning.js';
import { creditHistory, exposures, setCreditLimit } from '../../core/credit/exposure.js';
import { holdsView } from '../../core/credit/holds-view.js';
import { overrideHold } from '../../core/credit/holds.js';
import { statementOfAccount, statementOfAccountFooter, statementOfAccountHtml, writeStatementOfAccountXlsx } from '../../core/credit/statement-of-account.js';
import { printPdf } from '../print/chromium-pdf.js';
import type { HandlersOf } from './handler-types.js';
import { languageOf } from '../../locale/index.js';
import { printWords } from '../../core/statement/statement-sections.js';

export const creditHandlers: HandlersOf<typeof creditMethods> = {
  'credit.items': ({ session }, a) => statementOfAccount(session.requireBook(), a.ka, a.asOf) as unknown as Record<string, unknown>,
  // Grades are kept as they are computed: a record of a read, named for whoever is signed in (else 'credit-review').
  'credit.exposure': ({ session }, a) => ({ rows: exposures(session.requireBook(), a.asOf, session.user?.username ?? 'credit-review') as unknown as Record<string, unknown>[] }),
  'credit.grades': ({ session }, a) => ({
    rows: exposures(session.requireBook(), a.asOf, session.user?.username ?? 'credit-review').map((e) => ({ entity: e.entity, code: e.code, name: e.name, ...e.grade })) as unknown as Record<string, unknown>[],
  }),
  'credit.setLimit': ({ session }, a) => {
    setCreditLimit(session.requireBook(), a.party, a.limitFen, a.reason, session.requireUser('credit.limit'));
    return { party: a.party, limitFen: a.limitFen };
  },
  'credit.holds': ({ session }, a) => ({ rows: holdsView(session.requireBook(), a.asOf) }),
  'credit.overrideHold': ({ session }, a) => {
    overrideHold(session.requireBook(), a.ka, a.until, a.reason, session.requireUser('credit.hold'));
    return { ka: a.ka, until: a.until };
  },
  'credit.watch': ({ session }) => channelWatch(session.requireBook()) as unknown as Record<string, unknown>,
  'credit.dunning': ({ session }, a) => ({ rows: dunningList(session.requireBook(), a.asOf) as unknown as Record<string, unknown>[] }),
  'credit.followUp': ({ session }, a) => {
    recordFollowUp(session.requireBook(), a.ka, a.note, session.requireUser('credit.follow-up'));
    return { ka: a.ka };
  },
  'credit.history': ({ session }, a) => creditHistory(session.requireBook(), a.party) as unknown as Record<string, unknown>,
  'credit.statementOfAccount': async ({ session }, a) => {
    const book = session.requireBook();
    const s = statementOfAccount(book, a.ka, a.asOf);
    const lang = languageOf(a.lang);
    const path = session.grants.writable(book, a.path, `${printWords(lang).w('print.soa-title')}-${a.ka}-${a.asOf}.${a.format}`);
    if (a.format === 'xlsx') await writeStatementOfAccountXlsx(s, path, lang);
    else await printPdf(statementOfAccountHtml(s, lang), path, statementOfAccountFooter(lang));
    return { file: path, rows: s.items.length };
  },
};
