import type { ServiceName } from './service-contract.js';

/**
 * What the window's data is about, so a write can say what it changed and every screen showing that data reads it
 * again (no F5): each write method declares the subjects it changes, each read method the subjects it reads. The
 * window's host bumps a revision per changed subject after a write succeeds; useQuery re-asks when one of its
 * subjects moved. A method that is in neither list is refused by test/contract/subjects.test.ts.
 */
export const SUBJECTS = ['book', 'periods', 'master', 'mappings', 'documents', 'reconciliation', 'deductions', 'claims', 'terms', 'credit', 'close', 'audit', 'users', 'settings', 'backups', 'vouchers', 'hq'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** Everything a posting can touch: the documents, balances and figures derived from them. */
const LEDGER: Subject[] = ['documents', 'periods', 'reconciliation', 'deductions', 'claims', 'terms', 'credit', 'close', 'audit'];
const EVERYTHING: Subject[] = [...SUBJECTS];

export const CHANGES: Partial<Record<ServiceName, Subject[]>> = {
  'app.openBook': EVERYTHING, 'app.createBook': EVERYTHING, 'app.closeBook': EVERYTHING, 'app.restoreDamaged': EVERYTHING, 'book.restore': EVERYTHING,
  'session.signIn': ['book', 'users'], 'session.signOut': ['book', 'users'],
  'book.backup': ['backups'],
  'import.commit': [...LEDGER, 'master', 'mappings'],
  'master.save': ['master', 'close', 'terms', 'audit'],
  'reconcile.run': LEDGER, 'reconcile.decide': ['reconciliation', 'close', 'audit'], 'reconcile.resolveReceipt': ['reconciliation', 'close', 'audit'],
  'fees.reclassify': ['deductions', 'claims', 'close', 'audit'], 'claims.move': [...LEDGER], 'claims.attach': ['claims', 'audit'],
  'terms.accrue': LEDGER,
  'credit.setLimit': ['credit', 'audit'], 'credit.overrideHold': ['credit', 'audit'], 'credit.followUp': ['credit', 'audit'],
  'close.accept': ['close', 'audit'], 'close.prepare': [...LEDGER, 'backups'], 'close.review': ['close', 'periods', 'audit'],
  'close.approve': ['close', 'periods', 'audit', 'backups'], 'close.reopen': ['close', 'periods', 'audit'], 'statement.confirm': ['close', 'audit'],
  'users.add': ['users', 'audit', 'book'], 'users.password': ['audit'], 'users.disable': ['users', 'audit'], 'settings.set': ['settings', 'credit', 'audit'],
  'vouchers.setMapping': ['vouchers', 'audit'], 'vouchers.acceptProposals': ['vouchers', 'audit'], 'vouchers.importChart': ['vouchers', 'audit'],
  'vouchers.setAuxItem': ['vouchers', 'audit'], 'vouchers.export': ['vouchers', 'audit'], 'vouchers.reexport': ['vouchers', 'audit'],
  // corrections post reversals and new versions: everything a posting touches, and the import batches
  'corrections.reverse': [...LEDGER, 'vouchers'], 'corrections.undoImport': [...LEDGER, 'vouchers', 'mappings'], 'corrections.reallocate': LEDGER,
  'import.dropMapping': ['mappings', 'audit'], 'import.confirmCustomers': ['master', 'audit'],
  'users.enable': ['users', 'audit', 'book'], 'users.resetPassword': ['users', 'audit'], 'users.setRole': ['users', 'audit', 'book'],
  'package.write': ['close', 'audit'],
  // 发票 are documents of the book; a link moves due dates (credit) and the statement's invoice section (close)
  'invoices.link': ['documents', 'credit', 'close', 'audit'], 'invoices.unlink': ['documents', 'credit', 'close', 'audit'],
  'invoices.enter': ['documents', 'credit', 'close', 'audit'],
  // the head office is a database of its own: what it changes is seen only by its own screens
  'hq.open': ['hq'], 'hq.close': ['hq'], 'hq.signIn': ['hq'], 'hq.signOut': ['hq'], 'hq.load': ['hq'], 'hq.register': ['hq'], 'hq.setLimit': ['hq'],
  'hq.proposeClaims': ['hq'], 'hq.confirmClaims': ['hq'], 'hq.sendBackClaims': ['hq'], 'hq.writeCredits': ['hq'], 'hq.saveContract': ['hq'],
};

export const READS: Partial<Record<ServiceName, Subject[]>> = {
  'app.state': ['book', 'users'], 'app.lastGoodBackup': ['backups'],
  'book.summary': ['book', 'documents', 'master'], 'book.periods': ['periods', 'documents'], 'book.documents': ['documents'], 'book.document': ['documents'],
  'book.balances': ['documents'], 'book.check': ['documents', 'audit'], 'book.backups': ['backups'],
  'home.status': ['documents', 'reconciliation', 'deductions', 'claims', 'periods'], 'ageing.report': ['documents', 'settings'],
  'master.list': ['master'], 'master.get': ['master'], 'master.detail': ['master'],
  'import.preview': ['master', 'documents', 'mappings'], 'import.mappings': ['mappings'],
  'reconcile.lines': ['reconciliation'], 'reconcile.line': ['reconciliation'], 'reconcile.unexpected': ['reconciliation'], 'reconcile.candidates': ['reconciliation'],
  'reconcile.export': ['reconciliation'],
  'fees.deductions': ['deductions'], 'claims.list': ['claims'], 'claims.get': ['claims'], 'credits.list': ['claims', 'documents'],
  'terms.contracts': ['master'], 'terms.explain': ['terms', 'documents', 'master'], 'terms.accruals': ['terms', 'documents'],
  'credit.items': ['documents'], 'credit.exposure': ['credit', 'documents', 'reconciliation'], 'credit.grades': ['credit', 'documents'],
  'credit.holds': ['credit', 'documents'], 'credit.watch': ['documents', 'master'], 'credit.dunning': ['credit', 'documents'], 'credit.history': ['credit'],
  'credit.statementOfAccount': ['documents'],
  'close.status': ['close', 'reconciliation', 'deductions', 'documents', 'periods'], 'statement.preview': ['close', 'documents', 'terms', 'claims'],
  'statement.versions': ['close'], 'statement.export': ['close', 'documents'],
  'statement.detailPage': ['close', 'documents', 'terms', 'claims'], 'statement.printHtml': ['close', 'documents', 'terms', 'claims'],
  'audit.list': ['audit', 'users'], 'audit.verify': ['audit'], 'users.list': ['users'], 'settings.get': ['settings'],
  'vouchers.mapping': ['vouchers', 'documents'], 'vouchers.auxItems': ['vouchers', 'master'], 'vouchers.layouts': ['vouchers'],
  'vouchers.preview': ['vouchers', 'documents', 'periods'], 'vouchers.list': ['vouchers'],
  'invoices.match': ['documents', 'master', 'credit'], 'invoices.gaps': ['documents', 'master', 'credit'], 'invoices.toInvoice': ['documents', 'master'], 'invoices.exportToInvoice': ['documents', 'master'],
  'import.bundle': ['documents'],
  'hq.state': ['hq'], 'hq.exposure': ['hq'], 'hq.claims': ['hq'], 'hq.rebates': ['hq'], 'hq.watch': ['hq'], 'hq.audit': ['hq'], 'hq.missing': ['hq'],
  'corrections.chain': ['documents'], 'corrections.batches': ['documents'], 'corrections.remittances': ['documents', 'reconciliation'],
  'corrections.openItems': ['documents'],
};
