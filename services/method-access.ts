import type { ServiceName } from '../contract/service-contract.js';
import type { Permission } from '../vocabulary/index.js';

/**
 * Every contract method is a read (anyone at the window may call it) or a write with the permission it needs.
 * A method in neither list is treated as a write that needs a signed-in user of any role, and
 * test/services/method-access.test.ts fails until it is classified here — so a new method is never an open door.
 */
export const READ_METHODS: ReadonlySet<ServiceName> = new Set<ServiceName>([
  'app.state', 'app.openBook', 'app.createBook', 'app.closeBook', 'book.summary', 'book.periods', 'book.documents', 'book.document', 'book.balances',
  'book.check', 'book.backup', 'book.backups', 'app.lastGoodBackup', 'session.signIn', 'session.signOut', 'home.status', 'ageing.report',
  'master.list', 'master.get', 'master.detail', 'import.preview', 'import.mappings', 'reconcile.lines', 'reconcile.line', 'reconcile.export', 'reconcile.unexpected', 'reconcile.candidates',
  'fees.deductions', 'claims.list', 'claims.get', 'credits.list', 'terms.contracts', 'terms.explain', 'terms.accruals', 'credit.items',
  'credit.exposure', 'credit.grades', 'credit.holds', 'credit.watch', 'credit.dunning', 'credit.history', 'credit.statementOfAccount', 'close.status',
  'statement.preview', 'statement.detailPage', 'statement.printHtml', 'statement.versions', 'statement.export', 'audit.list', 'audit.verify', 'users.list', 'settings.get',
  'vouchers.mapping', 'vouchers.auxItems', 'vouchers.layouts', 'vouchers.preview', 'vouchers.list',
  'import.bundle', 'corrections.chain', 'corrections.batches', 'corrections.remittances', 'corrections.openItems',
  // The head office signs its own users in (hq.signIn, against its PostgreSQL users) and each of its writes checks
  // that user's role there (hq/): the book's sign-in has no say over it.
  'hq.state', 'hq.open', 'hq.close', 'hq.signIn', 'hq.signOut', 'hq.load', 'hq.register', 'hq.exposure', 'hq.setLimit', 'hq.claims',
  'hq.proposeClaims', 'hq.confirmClaims', 'hq.sendBackClaims', 'hq.writeCredits', 'hq.rebates', 'hq.saveContract', 'hq.watch', 'hq.audit',
  'hq.missing',
  'invoices.match', 'invoices.gaps', 'invoices.toInvoice', 'invoices.exportToInvoice',
  // A damaged book cannot be signed in to: its restore checks the backup's own manager or admin (book-handlers.ts).
  'app.restoreDamaged',
]);

const CLAIM_MOVES: Record<string, Permission> = { submitted: 'claims.submit', approved: 'claims.approve', rejected: 'claims.reject', written_off: 'claims.write-off', draft: 'claims.submit' };

type Needed = Permission | readonly Permission[];

export const WRITE_PERMISSIONS: Partial<Record<ServiceName, Needed | ((args: Record<string, unknown>) => Needed)>> = {
  'master.save': 'master-data',
  // Replacing documents on re-import reverses the old versions: a correction as well as an import.
  'import.commit': (a) => (a.replace ? ['import', 'corrections'] : 'import'),
  'reconcile.run': 'reconcile',
  'reconcile.decide': 'reconcile',
  'reconcile.resolveReceipt': 'reconcile',
  'fees.reclassify': 'reconcile',
  'claims.move': (a) => CLAIM_MOVES[String(a.to)] ?? 'claims.approve',
  'claims.attach': 'claims.attach',
  'terms.accrue': 'accrue',
  'credit.setLimit': 'credit.limit',
  'credit.overrideHold': 'credit.hold',
  'credit.followUp': 'credit.follow-up',
  'close.accept': 'close.accept',
  'close.prepare': 'close.prepare',
  'close.review': 'close.review',
  'close.approve': 'close.approve',
  'close.reopen': 'close.reopen',
  'statement.confirm': 'statement.confirm',
  'users.add': 'users',
  'users.password': 'password',
  'users.disable': 'users',
  'users.enable': 'users',
  'users.resetPassword': 'users',
  'users.setRole': 'users',
  'settings.set': 'settings',
  'book.restore': 'backup.restore',
  'vouchers.setMapping': 'vouchers',
  'invoices.link': 'invoices',
  'invoices.unlink': 'invoices',
  'invoices.enter': 'invoices',
  'vouchers.acceptProposals': 'vouchers',
  'vouchers.importChart': 'vouchers',
  'vouchers.setAuxItem': 'vouchers',
  // An export remembers each voucher so a re-export never doubles: a write.
  'vouchers.export': 'vouchers',
  'vouchers.reexport': 'vouchers',
  'corrections.reverse': 'corrections',
  'corrections.undoImport': 'corrections',
  'corrections.reallocate': 'corrections',
  'import.dropMapping': 'import',
  'import.confirmCustomers': 'import',
  'package.write': 'package',
};

/** The permission(s) a call needs, or null for a read. Unclassified methods need some signed-in user ('password'). */
export function permissionFor(method: ServiceName, args: unknown): Needed | null {
  if (READ_METHODS.has(method)) return null;
  const p = WRITE_PERMISSIONS[method];
  if (!p) return 'password';
  return typeof p === 'function' ? p((args ?? {}) as Record<string, unknown>) : p;
}
