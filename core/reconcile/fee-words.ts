import feeWords from './fee-words.json' with { type: 'json' };
import type { FeeType } from '../master-data/schemas.js';

export function normaliseWording(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const exact = new Map<string, FeeType>();
const keywords: { word: string; type: FeeType }[] = [];
for (const [type, words] of Object.entries(feeWords)) {
  if (type === '$comment') continue;
  const w = words as { exact: string[]; keywords: string[] };
  for (const e of w.exact) exact.set(normaliseWording(e), type as FeeType);
  for (const k of w.keywords) keywords.push({ word: normaliseWording(k), type: type as FeeType });
}
keywords.sort((a, b) => b.word.length - a.word.length);

/** The fee type a KA's wording names, by the table: whole wording first, then the longest keyword inside it. */
export function feeTypeOfWording(wording: string): FeeType | undefined {
  const text = normaliseWording(wording);
  const whole = exact.get(text);
  if (whole) return whole;
  return keywords.find((k) => text.includes(k.word))?.type;
}
