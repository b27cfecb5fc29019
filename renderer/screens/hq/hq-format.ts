/** A share in parts per million as a percent with two decimals (integer arithmetic, as everywhere in the window). */
export function percentOfPpm(ppm: number | null | undefined): string {
  if (typeof ppm !== 'number') return '';
  const hundredths = Math.round(ppm / 100);
  return `${Math.trunc(hundredths / 100)}.${String(Math.abs(hundredths) % 100).padStart(2, '0')}%`;
}
