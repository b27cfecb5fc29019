import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkBook } from '../../../core/book/check-book.js';
import { Random } from '../../../core/demo/random.js';
import { UserError } from '../../../core/errors.js';
import { importFile } from '../../../core/import/import-file.js';
import type { ImportKind } from '../../../core/import/import-kinds.js';
import { CORPUS, expectation } from '../../helpers/corpus-book.js';
import { bookState, QUIRKS, SEP, sepBook } from '../../helpers/sep-book.js';
import { tempDir } from '../../helpers/temp-book.js';

const KIND_OF: Record<string, ImportKind> = {
  '10-deliveries.csv': 'deliveries', '11-receipts-rtm.csv': 'receipts', '12-receipts-met.xlsx': 'receipts', '13-deductions-rtm.csv': 'deductions',
  'receipts-gb18030-title-totals.csv': 'receipts', 'deliveries-utf8-bom.csv': 'deliveries', 'returns-utf16.txt': 'returns',
  'receipts-portal.xlsx': 'receipts', 'deductions-portal.xls': 'deductions', 'statements-rtm.csv': 'statements',
  'remittances-rtm.csv': 'remittances', 'manufacturer-credits.csv': 'manufacturer-credits', 'promotions.csv': 'promotions',
  'contracts.json': 'contracts', 'deliveries-bad-rows.csv': 'deliveries',
  // Every format of the readers (test/fixtures/readers): binary .xls, tab text in three encodings, error cells.
  'receipts-biff8.xls': 'receipts', 'receipts-biff5.xls': 'receipts', 'receipts.tsv': 'receipts', 'receipts-gb18030-tab.txt': 'receipts',
  'receipts-utf16le-nobom.txt': 'receipts', 'receipts-utf16be-nobom.txt': 'receipts', 'flip-receipts.xlsx': 'receipts', 'cell-errors.xls': 'receipts',
};
const READERS = fileURLToPath(new URL('../../fixtures/readers/', import.meta.url));

/** Exports of the corpus in each of its shapes: GB18030 with heading rows, merged xlsx, HTML .xls, UTF-16 and GB18030 tab text. */
const CORPUS_FILES = ['rtm-receiving-2026-10.csv', 'crf-receiving-2026-10.xlsx', 'yh-deductions-2026-10.xls', 'crf-remittance-2026-11.txt', 'sd-sales-2026-10.txt', 'u8-sales-out-2026-10.xlsx'];
for (const f of CORPUS_FILES) KIND_OF[f] = expectation(join(CORPUS, 'exports', f)).kind;
const CORPUS_KA: Record<string, string | undefined> = Object.fromEntries(CORPUS_FILES.map((f) => [f, expectation(join(CORPUS, 'exports', f)).options.ka]));

type Mutation = (bytes: Buffer, rnd: Random) => Buffer;
const MUTATIONS: Record<string, Mutation> = {
  truncated: (b, rnd) => b.subarray(0, rnd.int(1, Math.max(1, b.length - 2))),
  'flipped bytes': (b, rnd) => {
    const c = Buffer.from(b);
    for (let i = 0; i < 1 + (c.length >> 6); i++) c[rnd.int(0, c.length - 1)] = rnd.int(0, 255);
    return c;
  },
  'random bytes': (b, rnd) => Buffer.from(Array.from({ length: Math.max(16, b.length) }, () => rnd.int(0, 255))),
  'zip header then garbage': (b, rnd) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(Array.from({ length: 200 }, () => rnd.int(0, 255)))]),
  'binary xls header': () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]),
  'one byte': (b) => b.subarray(0, 1),
};

describe('importing broken files', () => {
  it('ends every time in a clear error naming the file and an unchanged book, or in a sound partial import of text', async () => {
    const book = await sepBook();
    const dir = tempDir();
    const rnd = new Random(20_261_127);
    const sources = [...readdirSync(SEP).map((f) => join(SEP, f)), ...readdirSync(QUIRKS).map((f) => join(QUIRKS, f)), ...readdirSync(READERS).map((f) => join(READERS, f)),
      ...CORPUS_FILES.map((f) => join(CORPUS, 'exports', f))]
      .filter((p) => KIND_OF[p.split('/').pop()!]);
    let errors = 0;
    let runs = 0;
    for (const source of sources) {
      const name = source.split('/').pop()!;
      const original = readFileSync(source);
      for (const [what, mutate] of Object.entries(MUTATIONS)) {
        for (let k = 0; k < (what === 'truncated' || what === 'flipped bytes' ? 4 : 1); k++) {
          const path = join(dir, `${runs++}-${name}`);
          writeFileSync(path, mutate(original, rnd));
          const before = bookState(book);
          let failed = false;
          try {
            const kaCode = name in CORPUS_KA ? CORPUS_KA[name] : /remittances|deductions-portal|receipts-|cell-errors/.test(name) ? 'RTM' : undefined;
            const r = await importFile(book, path, { kind: KIND_OF[name]!, actor: 'fuzz', date: '2026-09-30', kaCode: kaCode && ['RTM', 'MET'].includes(kaCode) ? kaCode : undefined });
            if (r.errorCount > 0 || r.conflicts.length > 0) {
              failed = true;
              expect(r.errors.every((e) => e.file === path), `${what} ${name}`).toBe(true);
            }
            if (!r.committed) expect(bookState(book), `${what} ${name}`).toBe(before);
          } catch (e) {
            failed = true;
            expect(e, `${what} ${name}: ${String(e)}`).toBeInstanceOf(UserError);
            expect((e as UserError).describe()).toContain(path);
            expect(bookState(book), `${what} ${name}`).toBe(before);
          }
          if (failed) errors++;
          if (['random bytes', 'zip header then garbage', 'binary xls header', 'one byte'].includes(what)) expect(failed, `${what} ${name}`).toBe(true);
        }
      }
    }
    expect(runs).toBeGreaterThan(100);
    expect(errors).toBeGreaterThan(runs * 0.6);
    expect(checkBook(book).ok).toBe(true);
  });
});
