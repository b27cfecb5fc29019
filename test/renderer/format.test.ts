import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen as coreFormatFen } from '../../core/money/format.js';
import { formatFen, formatPrice, formatQty } from '../../renderer/format/amount.js';
import { monthEnd } from '../../renderer/format/dates.js';
import { parseRoute, routeHash } from '../../renderer/app/areas.js';

/** The window formats money itself (it may not import core/); it must agree with core to the fen. */
describe('amounts on screen', () => {
  it('shows fen as ¥1,234.56, negatives with a minus, exactly as core formats them', () => {
    expect(formatFen(123_456)).toBe('¥1,234.56');
    expect(formatFen(-5)).toBe('-¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(100_000_000_000, { symbol: false })).toBe('1,000,000,000.00');
    fc.assert(fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (fen) => {
      const core = coreFormatFen(Math.abs(fen));
      expect(formatFen(fen)).toBe(`${fen < 0 ? '-' : ''}¥${core}`);
    }));
  });

  it('shows quantities in thousandths and prices in ten-thousandths without losing a digit', () => {
    expect(formatQty(12_500)).toBe('12.5');
    expect(formatQty(1_200_000)).toBe('1,200');
    expect(formatQty(-1)).toBe('-0.001');
    expect(formatPrice(64_000)).toBe('6.40');
    expect(formatPrice(64_235)).toBe('6.4235');
    expect(formatPrice(null)).toBe('');
  });

  it('knows month ends and keeps the screen in the address', () => {
    expect(monthEnd('2026-02')).toBe('2026-02-28');
    expect(monthEnd('2028-02')).toBe('2028-02-29');
    expect(monthEnd('2026-12')).toBe('2026-12-31');
    const r = { area: 'reconcile' as const, params: { from: '2026-10', to: '2026-10', status: 'short', store: '' } };
    expect(routeHash(r)).toBe('#/reconcile?from=2026-10&to=2026-10&status=short');
    expect(parseRoute(routeHash(r))).toEqual({ area: 'reconcile', params: { from: '2026-10', to: '2026-10', status: 'short' } });
    expect(parseRoute('#/nowhere')).toEqual({ area: 'home', params: {} });
  });
});
