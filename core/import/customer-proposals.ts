import type { FindableStore } from '../../db/queries/store-finding.js';
import { normaliseName } from './store-cells.js';

/** The store an unknown ERP customer most likely is, with how alike the names are (0..1). */
export interface StoreProposal {
  store: FindableStore;
  score: number;
}

/** Two-character pieces of a name: 大润发杨浦店 → 大润, 润发, 发杨, 杨浦, 浦店. */
function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}

/** Dice similarity of two names' bigrams: 1 for the same name, 0 for nothing in common. */
export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** A proposal is made only when the best name is alike enough and clearly ahead of the next. */
const MIN_SCORE = 0.5;
const MIN_LEAD = 0.1;

/**
 * Proposes the store an ERP customer name stands for ("上海大润发杨浦店" → 大润发上海杨浦店): among the stores of the
 * chain the name mentions (大润发, 家乐福 …), else among all, the one whose name is most alike. Never decided here:
 * the user confirms it once, and the pair is remembered.
 */
export function proposeStore(customerName: string, stores: FindableStore[]): StoreProposal | undefined {
  if (!customerName.trim()) return undefined;
  const plain = customerName.normalize('NFKC').toLowerCase();
  const mentioned = stores.filter((s) => plain.includes(s.ka_name.normalize('NFKC').toLowerCase()) || plain.includes(s.ka_code.toLowerCase()));
  const pool = mentioned.length ? mentioned : stores;
  const scored = pool.map((store) => {
    const chains = [store.ka_name];
    const chain = store.ka_name.normalize('NFKC').toLowerCase();
    const a = normaliseName(customerName, chains).split(chain).join('');
    const b = normaliseName(store.name, chains).split(chain).join('');
    return { store, score: Math.max(nameSimilarity(a, b), nameSimilarity(normaliseName(customerName), normaliseName(store.name))) };
  }).sort((p, q) => q.score - p.score);
  const [best, next] = scored;
  if (!best || best.score < MIN_SCORE) return undefined;
  if (next && best.score - next.score < MIN_LEAD) return undefined;
  return { store: best.store, score: Math.round(best.score * 100) / 100 };
}
