import { describe, expect, it } from 'vitest';
import { serviceContract, type ServiceName } from '../../contract/service-contract.js';
import { serviceHandlers } from '../../services/service-handlers.js';

/** For every method: arguments it must accept, and arguments it must refuse. */
const CASES: Record<ServiceName, { good: unknown; bad: unknown[] }> = {
  'app.state': { good: {}, bad: [{ book: 'x' }] },
  'app.openBook': { good: { path: 'C:\\Users\\li\\Documents\\ka-settle\\华东.kasettle' }, bad: [{}, { path: '' }, { path: '   ' }] },
  'app.createBook': { good: { path: '/tmp/new.kasettle', demo: true }, bad: [{ path: '/tmp/x', demo: 'yes' }, { demo: true }] },
  'app.closeBook': { good: {}, bad: [{ force: true }] },
  'book.summary': { good: {}, bad: [{ extra: 1 }] },
  'book.periods': { good: {}, bad: [{ from: '2026-01' }] },
  'book.check': { good: {}, bad: [{ deep: true }] },
  'book.balances': { good: { by: 'ka', asOf: '2026-10-31' }, bad: [{ by: 'store' }, { asOf: '31/10/2026' }] },
  'book.documents': { good: { kind: 'receipt', period: '2026-10', ka: 'RTM' }, bad: [{ period: '2026-13' }, { limit: 0 }] },
  'book.document': { good: { key: 'RTM|YS0903A021' }, bad: [{}, { key: '' }] },
  'book.backup': { good: { reason: 'exit' }, bad: [{ reason: 'x' }] },
  'app.lastGoodBackup': { good: { path: '/tmp/b.kasettle' }, bad: [{}, { path: '' }] },
  'app.restoreDamaged': { good: { path: '/tmp/b.kasettle', file: '/tmp/backups/b-manual-1.kasettle' }, bad: [{ path: '/tmp/b.kasettle' }, { file: '/x' }] },
  'session.signIn': { good: { username: 'wang', password: 'secret-123' }, bad: [{ username: 'wang' }, { username: '', password: 'x' }, { username: 'wang', password: '' }] },
  'session.signOut': { good: {}, bad: [{ everywhere: true }] },
  'master.list': { good: { entity: 'stores', ka: 'RTM', limit: 500 }, bad: [{ entity: 'users' }, { entity: 'stores', limit: 0 }] },
  'master.detail': { good: { entity: 'promotions', key: 'CX-RTM-01' }, bad: [{ entity: 'stores', key: 'A010' }, { entity: 'contracts' }] },
  'master.get': { good: { entity: 'contracts', key: 'HT-RTM-2025' }, bad: [{ entity: 'contracts' }, { entity: 'contracts', key: '' }] },
  'master.save': { good: { entity: 'ka-accounts', record: { code: 'HM', name: '华贸', paymentTermsDays: 60 }, mode: 'update' }, bad: [{ entity: 'ka-accounts' }, { entity: 'clients', record: {} }] },
  'fees.deductions': { good: { period: '2026-10', disputedOnly: true }, bad: [{ period: '2026-10', disputedOnly: 'yes' }, {}] },
  'fees.reclassify': { good: { lineId: 3, feeType: 'display', saveRule: false }, bad: [{ lineId: 3, feeType: 'parking' }, { lineId: -1, feeType: 'dm' }] },
  'claims.get': { good: { id: 9 }, bad: [{}, { id: 0 }] },
  'claims.move': { good: { id: 9, to: 'approved', date: '2026-11-05' }, bad: [{ id: 9, to: 'paid' }, { id: 9, to: 'approved', date: '5/11/2026' }] },
  'claims.attach': { good: { id: 9, path: 'C:\\票据\\扣款通知.pdf' }, bad: [{ id: 9 }, { id: 9, path: '' }] },
  'credits.list': { good: { limit: 50 }, bad: [{ limit: 0 }] },
  'terms.contracts': { good: {}, bad: [{ ka: 'RTM' }] },
  'terms.explain': { good: { contract: 'HT-RTM-2025', period: '2026-10' }, bad: [{ contract: 'HT-RTM-2025' }, { contract: '', period: '2026-10' }] },
  'terms.accrue': { good: { period: '2026-10' }, bad: [{ period: '2026-10-01' }] },
  'terms.accruals': { good: { period: '2026-10' }, bad: [{}] },
  'credit.items': { good: { asOf: '2026-10-31', ka: 'RTM' }, bad: [{ asOf: '2026-10-31' }] },
  'credit.exposure': { good: { asOf: '2026-10-31' }, bad: [{ asOf: '31.10.2026' }] },
  'credit.grades': { good: { asOf: '2026-10-31' }, bad: [{}] },
  'credit.setLimit': { good: { party: 'RTM', limitFen: 500_000_000, reason: '年度授信' }, bad: [{ party: 'RTM', limitFen: -1, reason: 'x' }, { party: 'RTM', limitFen: 1.5, reason: 'x' }, { party: 'RTM', limitFen: 1, reason: '' }] },
  'credit.holds': { good: { asOf: '2026-10-31' }, bad: [{}] },
  'credit.overrideHold': { good: { ka: 'MET', until: '2026-11-30', reason: '总经理同意' }, bad: [{ ka: 'MET', until: '2026-11-30' }] },
  'credit.watch': { good: {}, bad: [{ factor: 3 }] },
  'credit.dunning': { good: { asOf: '2026-10-31' }, bad: [{}] },
  'credit.followUp': { good: { ka: 'MET', note: '11月10日前付清' }, bad: [{ ka: 'MET', note: '' }, { note: 'x' }] },
  'credit.history': { good: { party: 'ka:MET' }, bad: [{}, { party: '' }] },
  'credit.statementOfAccount': { good: { ka: 'RTM', asOf: '2026-10-31', format: 'pdf' }, bad: [{ ka: 'RTM', asOf: '2026-10-31', format: 'doc' }] },
  'close.status': { good: { period: '2026-10' }, bad: [{}] },
  'close.accept': { good: { period: '2026-10', keys: 'all', reason: '已与门店确认' }, bad: [{ period: '2026-10', keys: [], reason: 'x' }, { period: '2026-10', keys: 'all', reason: ' ' }] },
  'close.prepare': { good: { period: '2026-10', asOf: '2026-11-05' }, bad: [{ period: '2026-10', asOf: 'today' }] },
  'close.review': { good: { period: '2026-10' }, bad: [{ period: '202610' }] },
  'close.approve': { good: { period: '2026-10' }, bad: [{}] },
  'close.reopen': { good: { period: '2026-10', reason: '补录退货' }, bad: [{ period: '2026-10' }] },
  'statement.preview': { good: { period: '2026-10', distributor: 'D01', version: 2 }, bad: [{ period: '2026-10' }, { period: '2026-10', distributor: 'D01', version: 0 }] },
  'statement.confirm': { good: { period: '2026-10', distributor: 'D01', party: 'ka', ka: 'RTM', result: 'disputed', reasons: '堆头费多扣' }, bad: [{ period: '2026-10', distributor: 'D01', party: 'store', result: 'confirmed' }, { period: '2026-10', distributor: 'D01', party: 'ka', result: 'maybe' }] },
  'statement.versions': { good: { period: '2026-10', distributor: 'D01' }, bad: [{ distributor: 'D01' }] },
  'statement.export': { good: { period: '2026-10', distributor: 'D01', format: 'xlsx' }, bad: [{ period: '2026-10', distributor: 'D01', format: 'docx' }] },
  'audit.list': { good: { entity: 'period', actor: 'wang', limit: 200 }, bad: [{ entity: '' }, { limit: 5000 }] },
  'audit.verify': { good: {}, bad: [{ from: 1 }] },
  'users.list': { good: {}, bad: [{ role: 'admin' }] },
  'users.add': { good: { username: 'li.na', role: 'manager', password: 'long-enough' }, bad: [{ username: 'li', role: 'boss', password: 'long-enough' }, { username: 'li', role: 'manager', password: 'short' }] },
  'users.password': { good: { password: 'a-new-passphrase' }, bad: [{ password: 'short' }, {}] },
  'users.disable': { good: { username: 'li.na' }, bad: [{}] },
  'settings.get': { good: {}, bad: [{ key: 'x' }] },
  'settings.set': { good: { key: 'credit.hold_mode', value: 'block' }, bad: [{ value: 'block' }, { key: '', value: 1 }] },
  'book.backups': { good: {}, bad: [{ limit: 5 }] },
  'book.restore': { good: { file: '/tmp/backups/demo-manual-20261127T101010Z.kasettle' }, bad: [{}, { file: '' }, { file: 3 }] },
  'home.status': { good: { period: '2026-09', asOf: '2026-09-30' }, bad: [{ period: '2026-13', asOf: '2026-09-30' }, { period: '2026-09' }, { period: '2026-09', asOf: '30/09/2026' }] },
  'import.preview': {
    good: { kind: 'receipts', path: '/tmp/x.csv', dateOrder: 'dmy', ignoreSavedMapping: true },
    bad: [{ kind: 'invoices', path: '/tmp/x.csv' }, { kind: 'receipts', path: '' }, { kind: 'receipts', path: '/x', date: '2026-9-1' }, { kind: 'receipts', path: '/x', dateOrder: 'ymd' }],
  },
  'import.commit': { good: { kind: 'deliveries', path: '/tmp/x.xlsx', ka: 'RTM', map: { 备注: '' }, replace: true, reason: 'KA 重发' }, bad: [{ kind: 'deliveries' }, { kind: 'deliveries', path: '/x', map: { a: 1 } }, { kind: 'receipts', path: '/x', replace: 'yes' }] },
  'import.mappings': { good: { kind: 'deliveries', ka: 'RTM' }, bad: [{ kind: 'orders' }, { ka: '' }] },
  'import.bundle': { good: { path: '/tmp/exports.zip' }, bad: [{}, { path: '' }] },
  'import.dropMapping': { good: { name: '家乐福收货', kind: 'receipts', ka: 'CRF' }, bad: [{ name: '', kind: 'receipts', ka: 'CRF' }, { name: 'x', kind: 'orders', ka: '' }] },
  'import.confirmCustomers': {
    good: { pairs: [{ customerCode: '01.0023', customerName: '上海大润发杨浦店', ka: 'RTM', storeCode: 'A021' }] },
    bad: [{ pairs: [] }, { pairs: [{ customerCode: '01.0023', ka: 'RTM' }] }, { pairs: [{ customerCode: '', ka: 'RTM', storeCode: 'A021' }] }],
  },
  'reconcile.run': { good: { period: '2026-09', ka: 'MET' }, bad: [{ period: '2026-9' }, { period: '2026-09', ka: '' }] },
  'reconcile.lines': {
    good: { from: '2025-11', to: '2026-10', status: 'unmatched', limit: 500, withTotal: true },
    bad: [{ from: '2026-09', to: '2026-09', status: 'lost' }, { from: '2026-09', to: '2026-09', limit: 5000 }, { from: '2026-09', to: '2026-09', offset: -1 },
      { from: '2026-10', to: '2026-09' }, { period: '2026-09' }, { from: '2026-09', to: '2026-09', dateFrom: '2026/09/01' }],
  },
  'reconcile.line': { good: { lineId: 12 }, bad: [{ lineId: 0 }, { lineId: '12' }, {}] },
  'reconcile.decide': { good: { lineId: 7, decision: 'overridden', to: 'matched', note: 'credit note agreed' }, bad: [{ lineId: 7, decision: 'overridden', to: 'matched' }, { lineId: 0, decision: 'confirmed' }, { lineId: 7, decision: 'deleted' }, { lineId: 7, decision: 'annotated', note: '   ' }] },
  'reconcile.export': { good: { from: '2026-10', to: '2026-10', ka: 'RTM' }, bad: [{ from: '2026-10' }, { from: '2026-10', to: '2026-10', path: '' }] },
  'claims.list': { good: { status: 'approved' }, bad: [{ status: 'paid' }, { limit: 0 }] },
  'ageing.report': { good: { asOf: '2026-09-30', by: 'store' }, bad: [{ asOf: '2026-09-30', by: 'region' }, { by: 'ka' }] },
  'vouchers.mapping': { good: { period: '2026-10' }, bad: [{ period: '2026-10-31' }, { all: true }] },
  'vouchers.setMapping': {
    good: { account: 'ar_ka', glCode: '1122.01', glName: '应收账款-KA', auxCustomer: 'store', auxSupplier: false, auxDepartment: true },
    bad: [{ account: 'ar_ka', glCode: '1122', auxCustomer: 'region', auxSupplier: false, auxDepartment: false }, { account: 'ar_ka', glCode: '', auxCustomer: 'none', auxSupplier: false, auxDepartment: false }, { account: 'ar_ka', glCode: '1122' }],
  },
  'vouchers.acceptProposals': { good: { accounts: ['ar_ka', 'sales'] }, bad: [{ accounts: [] }, { accounts: [''] }] },
  'vouchers.importChart': { good: { path: 'C:\\Users\\li\\科目表.xlsx' }, bad: [{}, { path: '' }] },
  'vouchers.auxItems': { good: {}, bad: [{ party: 'ka' }] },
  'vouchers.setAuxItem': { good: { party: 'store', code: 'RTM-A021', glCode: '0101', glName: '大润发杨浦店' }, bad: [{ party: 'bank', code: 'x', glCode: '1' }, { party: 'ka', code: '', glCode: '1' }] },
  'vouchers.layouts': { good: {}, bad: [{ format: 'kingdee' }] },
  'vouchers.preview': { good: { period: '2026-10', grouping: 'day_kind' }, bad: [{ period: '2026-10' }, { period: '2026-10', grouping: 'week' }] },
  'vouchers.list': { good: { period: '2026-10', batch: 2 }, bad: [{ period: '2026-10', batch: 0 }, {}] },
  'vouchers.export': {
    good: { period: '2026-10', grouping: 'document', layout: 'kingdee-k3', startNumber: 101 },
    bad: [{ period: '2026-10', grouping: 'document', layout: '../../etc/x.json' }, { period: '2026-10', grouping: 'document', layout: 'csv', startNumber: 0 }, { period: '2026-10', layout: 'csv' }],
  },
  'vouchers.reexport': { good: { period: '2026-10', batch: 1, layout: 'yonyou-u8-txt' }, bad: [{ period: '2026-10', layout: 'Yonyou U8' }, { period: '2026-10', batch: -1, layout: 'csv' }] },
  'corrections.reverse': { good: { documentId: 12, reason: '门店整单退回' }, bad: [{ documentId: 12 }, { documentId: 12, reason: '   ' }, { documentId: 0, reason: 'x' }] },
  'corrections.chain': { good: { documentId: 12 }, bad: [{}, { documentId: 'YS1' }] },
  'corrections.batches': { good: { limit: 50 }, bad: [{ limit: 0 }, { kind: 'import' }] },
  'corrections.undoImport': { good: { batchId: 7, reason: '导错了系统' }, bad: [{ batchId: 7 }, { batchId: -1, reason: 'x' }] },
  'corrections.remittances': { good: { period: '2026-10', ka: 'RTM' }, bad: [{}, { period: '2026-13' }] },
  'corrections.openItems': { good: { remittanceId: 40 }, bad: [{}, { remittanceId: 1.5 }] },
  'corrections.reallocate': {
    good: { remittanceId: 40, mode: 'items', items: [{ documentId: 3 }, { documentId: 4, amountFen: 50_000 }], reason: 'KA 付款通知' },
    bad: [{ remittanceId: 40, mode: 'nearest', reason: 'x' }, { remittanceId: 40, mode: 'items', reason: 'x' }, { remittanceId: 40, mode: 'oldest' },
      { remittanceId: 40, mode: 'items', items: [{ documentId: 3, amountFen: -5 }], reason: 'x' }],
  },
};

describe('the service contract', () => {
  it('has a handler for every method and a test case for every method', () => {
    expect(Object.keys(serviceHandlers).sort()).toEqual(Object.keys(serviceContract).sort());
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(serviceContract).sort());
  });

  it.each(Object.entries(CASES))('%s accepts good arguments and refuses bad ones', (name, { good, bad }) => {
    const schema = serviceContract[name as ServiceName].args;
    expect(schema.safeParse(good).success).toBe(true);
    for (const b of bad) expect(schema.safeParse(b).success, JSON.stringify(b)).toBe(false);
  });
});
