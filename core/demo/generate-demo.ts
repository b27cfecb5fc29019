import type { Book } from '../../db/connection.js';
import { isEmptyBook, setBookInfo } from '../../db/queries/book-info.js';
import { insertBatch } from '../../db/queries/documents.js';
import { assertPeriod } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import { Poster } from '../ledger/post-documents.js';
import { buildMasterData } from './build-master-data.js';
import type { DemoFacts } from './facts.js';
import { generateDeductions } from './generate-deductions.js';
import { type DeliveryScale, generateDeliveries } from './generate-deliveries.js';
import { generateSettlements } from './generate-settlements.js';
import { Random } from './random.js';

export const DEMO_SCALES = {
  /** about 3,000 delivery lines: every kind of document, built in a few seconds (a first look, and the tests of the demo script) */
  tiny: { intervalDays: 28, lines: [1, 3] },
  /** about 25,000 delivery lines: quick to build, enough for every feature */
  small: { intervalDays: 7, lines: [2, 5] },
  /** about 150,000 delivery lines */
  medium: { intervalDays: 3, lines: [6, 14] },
  /** about one million delivery lines */
  large: { intervalDays: 2, lines: [31, 58] },
} satisfies Record<string, DeliveryScale>;
export type DemoScale = keyof typeof DEMO_SCALES;

export interface DemoOptions {
  seed?: number;
  scale?: DemoScale;
  /** first month of the demo year, YYYY-MM */
  from?: string;
  /** master data, contracts and promotions only: a book for importing documents into */
  masterDataOnly?: boolean;
}

export const DEFAULT_DEMO_FROM = '2025-11';

/**
 * Fills an empty book with a year of one manufacturer's KA business: master data, contracts, promotions,
 * deliveries and receipts with realistic noise, returns, deductions, statements, remittances and credits.
 * Deterministic for a seed. All of it is written in one transaction: the book holds the whole demo or none.
 */
export function generateDemo(book: Book, options: DemoOptions = {}): { batchId: number } {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 'small';
  const from = assertPeriod(options.from ?? DEFAULT_DEMO_FROM);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UserError('book.invalid-seed', { seed }, { field: '--seed' });
  if (!isEmptyBook(book)) throw new UserError('book.demo-not-empty', {}, { file: book.path });

  return book.write(() => {
    const rnd = new Random(seed);
    const batchId = insertBatch(book, { kind: 'demo', description: `demo seed ${seed} scale ${scale} from ${from}`, file_name: null, file_sha256: null, created_by: 'demo' });
    const world = buildMasterData(book, rnd.fork('master'), from);
    if (options.masterDataOnly) return { batchId };
    const facts: DemoFacts = { receipts: [], returns: [], deductions: [], salesByStoreMonth: new Map() };
    const ctx = { book, poster: new Poster(book, 'demo', batchId), world, facts };
    generateDeliveries({ ...ctx, rnd: rnd.fork('deliveries') }, DEMO_SCALES[scale]);
    generateDeductions({ ...ctx, rnd: rnd.fork('deductions') });
    generateSettlements({ ...ctx, rnd: rnd.fork('settlements') });
    for (const [k, v] of Object.entries({ demo_seed: String(seed), demo_scale: scale, demo_from: from })) setBookInfo(book, k, v);
    return { batchId };
  });
}
