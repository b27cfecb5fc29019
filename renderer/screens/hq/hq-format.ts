/** A share in parts per million as a percent with two decimals (integer arithmetic, as everywhere in the window). */
export function percentOfPpm(ppm: number | null | undefined): string {
  if (typeof ppm !== 'number') return '';
  const hundredths = Math.round(ppm / 100);
  return `${Math.trunc(hundredths / 100)}.${String(Math.abs(hundredths) % 100).padStart(2, '0')}%`;
}

/**
 * Tiers as people write them: `0:1%, 1000000:2%` — from so many yuan of the chain's whole base, that rate. Read with
 * integer arithmetic (yuan to fen, percent with up to four decimals to ppm); null when a part is not understood.
 */
export function parseTiers(text: string): { threshold: number; rate: number }[] | null {
  const parts = text.split(/[,，;；\s]+/).filter(Boolean);
  const tiers = parts.map((p) => {
    const m = /^(\d+)(?:\.(\d{1,2}))?[:：](\d+)(?:\.(\d{1,4}))?%$/.exec(p);
    if (!m) return null;
    return { threshold: Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')), rate: Number(m[3]) * 10_000 + Number((m[4] ?? '').padEnd(4, '0')) };
  });
  return tiers.length && tiers.every((t) => t !== null) ? (tiers as { threshold: number; rate: number }[]) : null;
}
