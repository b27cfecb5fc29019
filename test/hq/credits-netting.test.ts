import { describe, expect, it } from 'vitest';
import { netCredits, type DueClaim } from '../../hq/core/credits-netting.js';

const claim = (id: number, period: string, docNo: string, fen: number): DueClaim => ({ id, period, doc_no: docNo, open_fen: fen });

/** 红字冲抵 by hand: which claims one credits file pays and sets off, and the net it pays. */
describe('netCredits', () => {
  it('pays every claim in full and sets the red ones off against them, oldest first', () => {
    const due = [claim(1, '2025-11', 'FY-A', 120_000), claim(2, '2026-02', 'FY-R2', -30_000), claim(3, '2025-12', 'FY-B', 45_050), claim(4, '2026-01', 'FY-R1', -15_025)];
    const r = netCredits(due);
    // 1,200.00 + 450.50 − 150.25 − 300.00 = 1,200.25
    expect(r.netFen).toBe(120_025);
    expect(r.paid.map((c) => c.doc_no)).toEqual(['FY-A', 'FY-B', 'FY-R1', 'FY-R2']);
    expect(r.waiting).toEqual([]);
  });

  it('never pays less than nothing: a red claim that does not fit waits, a later smaller one is still set off', () => {
    const due = [claim(1, '2025-11', 'FY-A', 10_000), claim(2, '2026-01', 'FY-R1', -12_000), claim(3, '2026-02', 'FY-R2', -10_000)];
    const r = netCredits(due);
    // 100.00 − 120.00 would be negative: R1 waits; 100.00 − 100.00 = 0 pays nothing and clears both.
    expect(r.netFen).toBe(0);
    expect(r.paid.map((c) => c.doc_no)).toEqual(['FY-A', 'FY-R2']);
    expect(r.waiting.map((c) => c.doc_no)).toEqual(['FY-R1']);
  });

  it('writes nothing for red claims alone', () => {
    const r = netCredits([claim(1, '2026-01', 'FY-R1', -500)]);
    expect([r.paid, r.waiting.map((c) => c.id), r.netFen]).toEqual([[], [1], 0]);
  });
});
