import { describe, expect, it } from 'vitest';
import { serviceContract, type ServiceName } from '../../contract/service-contract.js';
import { serviceHandlers } from '../../services/service-handlers.js';

/** For every method: arguments it must accept, and arguments it must refuse. */
const CASES: Record<ServiceName, { good: unknown; bad: unknown[] }> = {
  'book.summary': { good: {}, bad: [{ extra: 1 }] },
  'book.check': { good: {}, bad: [{ deep: true }] },
  'home.status': { good: { period: '2026-09', asOf: '2026-09-30' }, bad: [{ period: '2026-13', asOf: '2026-09-30' }, { period: '2026-09' }, { period: '2026-09', asOf: '30/09/2026' }] },
  'import.preview': { good: { kind: 'receipts', path: '/tmp/x.csv' }, bad: [{ kind: 'invoices', path: '/tmp/x.csv' }, { kind: 'receipts', path: '' }, { kind: 'receipts', path: '/x', date: '2026-9-1' }] },
  'import.commit': { good: { kind: 'deliveries', path: '/tmp/x.xlsx', ka: 'RTM' }, bad: [{ kind: 'deliveries' }, { kind: 'deliveries', path: '/x', map: { a: 1 } }] },
  'reconcile.run': { good: { period: '2026-09', ka: 'MET' }, bad: [{ period: '2026-9' }, { period: '2026-09', ka: '' }] },
  'reconcile.lines': { good: { period: '2026-09', status: 'short', limit: 500 }, bad: [{ period: '2026-09', status: 'lost' }, { period: '2026-09', limit: 5000 }, { period: '2026-09', offset: -1 }] },
  'reconcile.decide': { good: { lineId: 7, decision: 'overridden', to: 'matched', note: 'credit note agreed' }, bad: [{ lineId: 7, decision: 'overridden', to: 'matched' }, { lineId: 0, decision: 'confirmed' }, { lineId: 7, decision: 'deleted' }] },
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
