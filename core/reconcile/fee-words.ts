import feeWords from './fee-words.json' with { type: 'json' };
import type { FeeType } from '../master-data/schemas.js';

export function normaliseWording(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A keyword and where it may stand: English ones between word boundaries, Chinese ones anywhere. */
interface Keyword {
  word: string;
  type: FeeType;
  /** the places the keyword is found in a wording (end index of each) */
  ends: (text: string) => number[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function keyword(word: string, type: FeeType): Keyword {
  const latin = /^[a-z0-9 &'-]+$/.test(word);
  // "dm" is a word in "DM费" and "dm海报费", not in "Admin fee"; "listing" is not in "Delisting fee".
  const re = new RegExp(latin ? `(?<![a-z0-9])${escape(word)}(?![a-z0-9])` : escape(word), 'g');
  return { word, type, ends: (text) => [...text.matchAll(re)].map((m) => m.index + m[0].length) };
}

const exact = new Map<string, FeeType>();
const keywords: Keyword[] = [];
for (const [type, words] of Object.entries(feeWords)) {
  if (type === '$comment') continue;
  const w = words as { exact: string[]; keywords: string[] };
  for (const e of w.exact) exact.set(normaliseWording(e), type as FeeType);
  for (const k of w.keywords) keywords.push(keyword(normaliseWording(k), type as FeeType));
}

/**
 * The fee type a KA's wording names, by the table: the whole wording first; else its keywords, found as whole words
 * and phrases, the one ending last deciding (the head of a Chinese compound is its last part: 促销员违规罚款 is a fine,
 * not a promotion service), the longer on a tie. Nothing fits: undefined, and the deduction goes to dispute.
 */
export function feeTypeOfWording(wording: string): FeeType | undefined {
  const text = normaliseWording(wording);
  const whole = exact.get(text);
  if (whole) return whole;
  // A month's deductions repeat a few dozen wordings thousands of times: each is read once.
  if (memo.has(text)) return memo.get(text);
  const found = byKeywords(text);
  if (memo.size > 10_000) memo.clear();
  memo.set(text, found);
  return found;
}

const memo = new Map<string, FeeType | undefined>();

function byKeywords(text: string): FeeType | undefined {
  let best: { end: number; length: number; type: FeeType } | undefined;
  for (const k of keywords) {
    for (const end of k.ends(text)) {
      if (!best || end > best.end || (end === best.end && k.word.length > best.length)) best = { end, length: k.word.length, type: k.type };
    }
  }
  return best?.type;
}
