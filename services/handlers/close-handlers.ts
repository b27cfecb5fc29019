import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { closeMethods } from '../../contract/close-methods.js';
import { backupBeforeRisk } from '../../core/book/backup.js';
import { pruneBackups } from '../../core/book/book-backups.js';
import { acceptCloseExceptions, approvePeriod, preparePeriod, reopenPeriod, reviewPeriod } from '../../core/close/close-period.js';
import { closeStatus, statementVersionList } from '../../core/close/close-status.js';
import { backupsKept } from '../../core/settings/effective-settings.js';
import { statementDetailPageOf, statementSummary } from '../../core/statement/statement-summary.js';
import { statementFooter, statementHtml } from '../../core/statement/statement-html.js';
import { recordConfirmation, statementDocument, statementKas } from '../../core/statement/statement-service.js';
import { writeStatementXlsx } from '../../core/statement/statement-xlsx.js';
import { printPdf } from '../print/chromium-pdf.js';
import type { HandlersOf } from './handler-types.js';
import { languageOf } from '../../locale/index.js';
import { printWords } from '../../core/statement/statement-sections.js';

export const closeHandlers: HandlersOf<typeof closeMethods> = {
  'close.status': ({ session }, a) => closeStatus(session.requireBook(), a.period),
  'close.accept': ({ session }, a) => ({
    accepted: acceptCloseExceptions(session.requireBook(), a.period, a.keys, a.reason, session.requireUser('close.accept')),
  }),
  'close.prepare': ({ session }, a) => {
    const r = preparePeriod(session.requireBook(), a.period, session.requireUser('close.prepare'), a.asOf);
    return { status: 'prepared', statements: r.statements };
  },
  'close.review': ({ session }, a) => ({ status: reviewPeriod(session.requireBook(), a.period, session.requireUser('close.review')) }),
  'close.approve': async ({ session }, a) => {
    const book = session.requireBook();
    const user = session.requireUser('close.approve');
    // Closing is the riskiest step of the month: the book as it was is kept first.
    const backup = await backupBeforeRisk(book, `before-close-${a.period}`);
    const status = approvePeriod(book, a.period, user);
    pruneBackups(book.path, backupsKept(book));
    return { status, backup };
  },
  'close.reopen': ({ session }, a) => {
    reopenPeriod(session.requireBook(), a.period, session.requireUser('close.reopen'), a.reason);
    return { status: 'open' };
  },
  'statement.preview': ({ session }, a) => {
    const lang = languageOf(a.lang);
    const s = statementSummary(session.requireBook(), a.period, a.distributor, a.version, lang);
    return { html: statementHtml(s, { lang }), version: s.version, status: s.status, sha256: s.sha256,
      netDue: s.content.netDue.fromManufacturer, confirmations: s.confirmations, kas: statementKas(s), details: s.tables };
  },
  'statement.printHtml': ({ session }, a) => {
    const doc = statementDocument(session.requireBook(), a.period, a.distributor, undefined, a.version);
    const lang = languageOf(a.lang);
    return { html: statementHtml(doc, { withDetails: true, lang }), footer: statementFooter(doc, lang) };
  },
  'statement.detailPage': ({ session }, a) =>
    statementDetailPageOf(session.requireBook(), a.period, a.distributor, a.version, a.table, a.offset, a.limit, languageOf(a.lang)),
  'statement.confirm': ({ session }, a) => {
    const book = session.requireBook();
    recordConfirmation(book, a.period, a.distributor, { party: a.party, result: a.result, ...(a.ka ? { kaCode: a.ka } : {}), ...(a.reasons ? { reasons: a.reasons } : {}) },
      session.requireUser('statement.confirm'));
    return { confirmations: statementDocument(book, a.period, a.distributor).confirmations };
  },
  'statement.versions': ({ session }, a) => ({ rows: statementVersionList(session.requireBook(), a.period, a.distributor) }),
  'statement.export': async ({ session }, a) => {
    const book = session.requireBook();
    const doc = statementDocument(book, a.period, a.distributor, undefined, a.version);
    const lang = languageOf(a.lang);
    const path = session.grants.writable(book, a.path, `${printWords(lang).w('print.sheet-summary')}-${a.distributor}-${a.period}-${doc.version === null ? 'draft' : `v${doc.version}`}.${a.format}`);
    if (a.format === 'xlsx') await writeStatementXlsx(doc, path, lang);
    else await printPdf(statementHtml(doc, { withDetails: true, lang }), path, statementFooter(doc, lang));
    return { file: path, rows: doc.content.details.deliveries.length };
  },
};

