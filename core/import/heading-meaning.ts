import { LEXICON, type Concept } from './heading-lexicon.js';

/** What a heading says, part by part: the concepts in the order they appear, and how much of it was understood. */
export interface HeadingMeaning {
  concepts: Concept[];
  has: (c: Concept) => boolean;
  /** share of the heading's characters that are known parts (0..1) */
  coverage: number;
}

const CJK_KEYS = new Map<string, Concept[]>();
const LATIN_KEYS = new Map<string, Concept[]>();
let longestCjk = 1;
for (const [word, concepts] of Object.entries(LEXICON)) {
  if (/[\u3400-\u9fff]/.test(word)) {
    CJK_KEYS.set(word, concepts);
    longestCjk = Math.max(longestCjk, word.length);
  } else {
    LATIN_KEYS.set(word, concepts);
  }
}

/** Headings compare without case, width or decoration: "*实收 数量：" and "实收数量" mean the same. */
export function headingText(text: string): string {
  return text
    .normalize('NFKC')
    // StoreNbr → Store Nbr: portals glue English words together.
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/^[\s*]+/, '')
    .replace(/[\s:：]+$/, '')
    .replace(/[_./\\|()[\]{}<>（）【】《》、,，;；'"“”‘’-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const memo = new Map<string, HeadingMeaning>();

/** Reads a heading into its parts: the longest known Chinese part at each place, English words and phrases whole. */
export function meaningOf(heading: string): HeadingMeaning {
  const known = memo.get(heading);
  if (known) return known;
  const text = headingText(heading);
  const concepts: Concept[] = [];
  let understood = 0;
  let meaningful = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ') {
      i++;
      continue;
    }
    let matched = false;
    for (let len = Math.min(longestCjk, text.length - i); len >= 1 && !matched; len--) {
      const hit = CJK_KEYS.get(text.slice(i, i + len));
      if (hit) {
        concepts.push(...hit);
        understood += len;
        meaningful += len;
        i += len;
        matched = true;
      }
    }
    if (matched) continue;
    if (/[a-z0-9#]/.test(ch)) {
      const rest = text.slice(i);
      const words = /^[a-z0-9#]+(?: [a-z0-9#]+){0,2}/.exec(rest)![0].split(' ');
      let taken = false;
      for (let n = words.length; n >= 1 && !taken; n--) {
        const phrase = words.slice(0, n).join(' ');
        const hit = LATIN_KEYS.get(phrase);
        if (hit) {
          concepts.push(...hit);
          understood += phrase.replace(/ /g, '').length;
          meaningful += phrase.replace(/ /g, '').length;
          i += phrase.length;
          taken = true;
        }
      }
      if (!taken) {
        meaningful += words[0]!.length;
        i += words[0]!.length;
      }
      continue;
    }
    meaningful++;
    i++;
  }
  const set = new Set(concepts);
  const meaning = { concepts, has: (c: Concept) => set.has(c), coverage: meaningful ? understood / meaningful : 0 };
  if (memo.size > 5_000) memo.clear();
  memo.set(heading, meaning);
  return meaning;
}
