/**
 * Splits a whole amount of fen over weights (bases, sales) so the parts add up to it exactly: each part is its
 * exact share rounded down, and the fen left over go one each to the largest remainders (ties: the larger weight,
 * then the earlier row) — the largest-remainder method, which gives every part its half-up share whenever the
 * half-up roundings happen to add up. Integer arithmetic only (BigInt for the products).
 */
export function allocateLargestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError('the amount to allocate must be an integer number of fen');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('weights must be non-negative integers');
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sum === 0n) {
    if (total !== 0) throw new RangeError('nothing to allocate by: every weight is zero');
    return weights.map(() => 0);
  }
  const sign = total < 0 ? -1n : 1n;
  const whole = BigInt(Math.abs(total));
  const parts = weights.map((w, i) => {
    const exact = whole * BigInt(w);
    return { i, w, floor: exact / sum, remainder: exact % sum };
  });
  let left = whole - parts.reduce((s, p) => s + p.floor, 0n);
  const order = [...parts].sort((a, b) => (a.remainder === b.remainder ? (a.w === b.w ? a.i - b.i : b.w - a.w) : a.remainder > b.remainder ? -1 : 1));
  for (const p of order) {
    if (left === 0n) break;
    if (p.w === 0) continue;
    p.floor += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p.floor * sign));
}
