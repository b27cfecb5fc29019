/** A rate in parts per million as a percentage: 25000 → "2.5%". Integer arithmetic, no float noise. */
export function formatPpm(ppm: number): string {
  const negative = ppm < 0;
  const abs = Math.abs(ppm);
  const whole = Math.trunc(abs / 10_000);
  const frac = String(abs % 10_000).padStart(4, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}%`;
}
