import { divideHalfUp } from '../money/rounding.js';
import type { Fen, Ppm } from '../money/units.js';

/** A rebate tier: from `threshold` fen of net sales, `rate` parts per million. */
export interface Tier {
  threshold: Fen;
  rate: Ppm;
}

export type TierMode = 'whole' | 'progressive';

export interface RebateFigure {
  /** the rebate, rounded half-up to the fen once, after the slices are summed */
  amount: Fen;
  /** the tier reached (index into the tiers sorted by threshold), -1 below the first */
  tierIndex: number;
  /** exact rebate in fen × 1,000,000 (before the one rounding), for explanations and apportioning */
  exactMicro: bigint;
  slices: { from: Fen; to: Fen; rate: Ppm; exactMicro: bigint }[];
}

export function sortTiers(tiers: readonly Tier[]): Tier[] {
  return [...tiers].sort((a, b) => a.threshold - b.threshold);
}

/** The highest tier whose threshold the base reaches. */
export function tierReached(tiers: readonly Tier[], base: Fen): number {
  const sorted = sortTiers(tiers);
  let reached = -1;
  sorted.forEach((t, i) => {
    if (base >= t.threshold) reached = i;
  });
  return reached;
}

/**
 * 返利 on a base. Whole-amount (全额累进): the rate of the tier reached applies to the whole base. Progressive
 * (超额累进): each slice of the base between two thresholds at its own tier's rate. Exact products are summed as
 * integers and rounded half-up to the fen once, so a progressive rebate can never exceed the whole-amount one on
 * the same base when rates rise with the tiers.
 */
export function rebateOn(tiers: readonly Tier[], mode: TierMode, base: Fen): RebateFigure {
  const sorted = sortTiers(tiers);
  const reached = tierReached(sorted, base);
  if (reached < 0 || base <= 0) return { amount: 0, tierIndex: reached, exactMicro: 0n, slices: [] };
  if (mode === 'whole') {
    const rate = sorted[reached]!.rate;
    const exact = BigInt(base) * BigInt(rate);
    return { amount: Number(divideHalfUp(exact, 1_000_000n)), tierIndex: reached, exactMicro: exact, slices: [{ from: 0, to: base, rate, exactMicro: exact }] };
  }
  const slices: RebateFigure['slices'] = [];
  let total = 0n;
  for (let i = 0; i <= reached; i++) {
    const from = sorted[i]!.threshold;
    const to = i < reached ? sorted[i + 1]!.threshold : base;
    const exact = BigInt(to - from) * BigInt(sorted[i]!.rate);
    slices.push({ from, to, rate: sorted[i]!.rate, exactMicro: exact });
    total += exact;
  }
  return { amount: Number(divideHalfUp(total, 1_000_000n)), tierIndex: reached, exactMicro: total, slices };
}

/** What the next tier needs and brings: the sales still to make, and the rebate at that tier against now. */
export function nextTier(tiers: readonly Tier[], mode: TierMode, base: Fen): { threshold: Fen; rate: Ppm; needed: Fen; rebateThere: Fen; gain: Fen } | null {
  const sorted = sortTiers(tiers);
  const next = sorted[tierReached(sorted, base) + 1];
  if (!next) return null;
  const there = rebateOn(sorted, mode, next.threshold).amount;
  return { threshold: next.threshold, rate: next.rate, needed: next.threshold - base, rebateThere: there, gain: there - rebateOn(sorted, mode, base).amount };
}
