/**
 * What a person types into a form, turned into the book's integers without floating point: yuan → fen,
 * unit prices → 1/10,000 yuan, percentages → parts per million. Null when the text is not such a number.
 */
function scaled(text: string, decimals: number): number | null {
  const m = /^(-?)(\d{1,13})(?:\.(\d+))?$/.exec(text.trim().replace(/,/g, ''));
  if (!m || (m[3] ?? '').length > decimals) return null;
  const value = Number(m[2]) * 10 ** decimals + Number((m[3] ?? '').padEnd(decimals, '0') || '0');
  return m[1] ? -value : value;
}

export const yuanToFen = (text: string) => scaled(text, 2);
export const yuanToPriceE4 = (text: string) => scaled(text, 4);
/** "2.5" (%) → 25000 ppm */
export const percentToPpm = (text: string) => scaled(text, 4);
