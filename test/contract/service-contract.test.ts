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
  'book.backup': { good: {}, bad: [{ reason: 'x' }] },
  'book.backups': { good: {}, bad: [{ limit: 5 }] },
  'book.restore': { good: { file: '/tmp/backups/demo-manual-20261127T101010Z.kasettle' }, bad: [{}, { file: '' }, { file: 3 }] },
  'home.status': { good: { period: '2026-09', asOf: '2026-09-30' }, bad: [{ period: '2026-13', asOf: '2026-09-30' }, { period: '2026-09' }, { period: '2026-09', asOf: '30/09/2026' }] },
  'import.preview': { good: { kind: 'receipts', path: '/tmp/x.csv' }, bad: [{ kind: 'invoices', path: '/tmp/x.csv' }, { kind: 'receipts', path: '' }, { kind: 'receipts', path: '/x', date: '2026-9-1' }] },
  'import.commit': { good: { kind: 'deliveries', path: '/tmp/x.xlsx', ka: 'RTM', map: { 备注: '' } }, bad: [{ kind: 'deliveries' }, { kind: 'deliveries', path: '/x', map: { a: 1 } }] },
  'import.mappings': { good: { kind: 'deliveries', ka: 'RTM' }, bad: [{ kind: 'orders' }, { ka: '' }] },
  'reconcile.run': { good: { period: '2026-09', ka: 'MET' }, bad: [{ period: '2026-9' }, { period: '2026-09', ka: '' }] },
  'reconcile.lines': {
    good: { from: '2025-11', to: '2026-10', status: 'unmatched', limit: 500, withTotal: true },
    bad: [{ from: '2026-09', to: '2026-09', status: 'lost' }, { from: '2026-09', to: '2026-09', limit: 5000 }, { from: '2026-09', to: '2026-09', offset: -1 },
      { from: '2026-10', to: '2026-09' }, { period: '2026-09' }, { from: '2026-09', to: '2026-09', dateFrom: '2026/09/01' }],
  },
  'reconcile.line': { good: { lineId: 12 }, bad: [{ lineId: 0 }, { lineId: '12' }, {}] },
  'reconcile.decide': { good: { lineId: 7, decision: 'overridden', to: 'matched', note: 'credit note agreed' }, bad: [{ lineId: 7, decision: 'overridden', to: 'matched' }, { lineId: 0, decision: 'confirmed' }, { lineId: 7, decision: 'deleted' }, { lineId: 7, decision: 'annotated', note: '   ' }] },
  'reconcile.export': { good: { from: '2026-10', to: '2026-10', ka: 'RTM' }, bad: [{ from: '2026-10' }, { from: '2026-10', to: '2026-10', path: '' }] },
  'master.kaAccounts': { good: {}, bad: [{ code: 'RTM' }] },
  'claims.list': { good: { status: 'approved' }, bad: [{ status: 'paid' }, { limit: 0 }] },
  'ageing.report': { good: { asOf: '2026-09-30', by: 'store' }, bad: [{ asOf: '2026-09-30', by: 'region' }, { by: 'ka' }] },
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
