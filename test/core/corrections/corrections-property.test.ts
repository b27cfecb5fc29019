import fc from 'fast-check';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBook } from '../../../core/book/check-book.js';
import { reallocateRemittance } from '../../../core/corrections/reallocate.js';
import { reverseDocument } from '../../../core/corrections/reverse.js';
import { undoImport } from '../../../core/corrections/undo-import.js';
import { isUserError } from '../../../core/errors.js';
import { importFile } from '../../../core/import/import-file.js';
import { openBook, type Book } from '../../../db/connection.js';
import { setPeriodStatus } from '../../../db/queries/periods.js';
import { correctionsBook, FIX, ledgerAgainstDocumentsInForce, reconcile } from '../../helpers/corrections-book.js';
import { tempDir, track } from '../../helpers/temp-book.js';

/** What a user may do to a book, in any order: import (plain or replacing), reverse, undo, reallocate, reconcile, close September. */
type Op =
  | { op: 'import'; file: 'rtm-receipts-v1' | 'rtm-receipts-v2' | 'rtm-october-v1' | 'rtm-october-v2' | 'rtm-remittance' | 'rtm-deductions'; replace: boolean }
  | { op: 'reverse'; pick: number }
  | { op: 'undo'; pick: number }
  | { op: 'reallocate'; mode: 'references' | 'oldest' | 'items'; pick: number }
  | { op: 'reconcile'; period: '2026-09' | '2026-10' }
  | { op: 'close-september' };

// Imports weigh most: the other operations need documents to act on.
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('import' as const), file: fc.constantFrom('rtm-receipts-v1', 'rtm-receipts-v2', 'rtm-october-v1', 'rtm-october-v2', 'rtm-remittance', 'rtm-deductions'), replace: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('undo' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reallocate' as const), mode: fc.constantFrom('references', 'oldest', 'items'), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('reconcile' as const), period: fc.constantFrom('2026-09', '2026-10') }) },
  { weight: 1, arbitrary: fc.constant({ op: 'close-september' as const }) },
);

const KINDS = { 'rtm-receipts-v1': 'receipts', 'rtm-receipts-v2': 'receipts', 'rtm-october-v1': 'receipts', 'rtm-october-v2': 'receipts', 'rtm-remittance': 'remittances', 'rtm-deductions': 'deductions' } as const;
const ids = (book: Book, sql: string) => (book.db.prepare(sql).all() as { id: number }[]).map((r) => r.id);
const inForce = `reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.reverses_id = d.id)`;
const TODAY = '2026-10-28';

async function apply(book: Book, o: Op): Promise<void> {
  switch (o.op) {
    case 'import': {
      const file = `${FIX}${o.file}.csv`;
      const options = { kind: KINDS[o.file], actor: 'prop', kaCode: 'RTM', ...(o.file === 'rtm-deductions' ? { date: '2026-09-30' } : {}) };
      const r = await importFile(book, file, { ...options, replace: o.replace, reason: 'property' });
      // Whatever just happened, the same file at once again never adds anything: nothing is ever doubled.
      const again = await importFile(book, file, options);
      expect(again.committed).toBe(false);
      if (r.committed) expect([again.created, again.conflicts.length, again.errorCount]).toEqual([0, 0, 0]);
      return;
    }
    case 'reverse': {
      const live = ids(book, `SELECT id FROM documents d WHERE ${inForce} ORDER BY id`);
      if (live.length) reverseDocument(book, live[o.pick % live.length]!, { actor: 'prop', reason: 'property', today: TODAY });
      return;
    }
    case 'undo': {
      const batches = ids(book, "SELECT id FROM batches WHERE kind = 'import' AND EXISTS (SELECT 1 FROM documents d WHERE d.batch_id = batches.id) ORDER BY id");
      if (batches.length) undoImport(book, batches[o.pick % batches.length]!, { actor: 'prop', reason: 'property', today: TODAY });
      return;
    }
    case 'reallocate': {
      const [remittance] = ids(book, `SELECT id FROM documents d WHERE kind = 'remittance' AND ${inForce}`);
      if (remittance === undefined) return;
      const open = ids(book, `SELECT d.id FROM documents d WHERE kind = 'receipt' AND ${inForce} ORDER BY id`);
      const items = open.length ? [{ documentId: open[o.pick % open.length]! }] : [];
      if (o.mode === 'items' && !items.length) return;
      reallocateRemittance(book, remittance, { mode: o.mode, items, actor: 'prop', reason: 'property', today: TODAY });
      return;
    }
    case 'reconcile':
      reconcile(book, o.period);
      return;
    case 'close-september':
      book.write(() => setPeriodStatus(book, '2026-09', 'closed', 'prop'));
  }
}

let template = '';
const stats: Record<string, number> = {};
const refusals = new Set<string>();

beforeAll(async () => {
  const book = await correctionsBook();
  template = join(tempDir(), 'template.kasettle');
  await book.db.backup(template);
  book.close();
}, 60_000);

describe('corrections, in any order', () => {
  it('keep the book sound and the ledger equal to the sum of the documents in force', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
      const path = join(tempDir(), `run-${run++}.kasettle`);
      copyFileSync(template, path);
      const book = track(await openBook(path));
      try {
        for (const o of ops) {
          try {
            await apply(book, o);
            stats[o.op] = (stats[o.op] ?? 0) + 1;
          } catch (e) {
            stats[`${o.op}-refused`] = (stats[`${o.op}-refused`] ?? 0) + 1;
            if (isUserError(e)) refusals.add(e.code);
            // A refusal the book explains (closed month, cleared by a later document, already reversed…) is
            // the product working; anything else is a bug.
            if (!isUserError(e)) throw e;
          }
          // close-september closes by hand (no sign-offs), which check rightly reports (periods-audit); the rest holds.
          expect(checkBook(book).checks.filter((c) => !c.ok && c.name !== 'check.periods-audit')).toEqual([]);
          const { ledger, inForce: sum } = ledgerAgainstDocumentsInForce(book);
          expect(sum).toEqual(ledger);
        }
      } finally {
        book.close();
      }
    }), { numRuns: Number(process.env.KA_PROPERTY_RUNS ?? 12) });
    if (process.env.KA_PROPERTY_STATS) console.log(JSON.stringify(stats), JSON.stringify([...refusals]));
  }, 120_000);
});
