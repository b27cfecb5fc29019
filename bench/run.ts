import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkBook } from '../core/book/check-book.js';
import { createBook } from '../core/book/create-book.js';
import { openExistingBook } from '../core/book/open-book.js';
import { DEMO_SCALES, generateDemo, type DemoScale } from '../core/demo/generate-demo.js';
import { balancesView, documentsView } from '../core/views/book-views.js';
import { bareAggregate, bareInsert, bareIntegrity, barePage } from './baselines.js';
import { measure, report } from './measure.js';

/**
 * `npm run bench [-- --scale small|medium|large] [--rebuild]`: builds (or reuses) a demo book under
 * bench/.cache and prints one JSON line per step with its figures beside a bare-SQLite baseline of the same run.
 * Benchmarks are never tests: they report, they do not fail on a slow machine.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'medium' }, seed: { type: 'string', default: '1' }, rebuild: { type: 'boolean', default: false } } });
  const scale = values.scale as DemoScale;
  if (!(scale in DEMO_SCALES)) throw new Error(`--scale must be one of ${Object.keys(DEMO_SCALES).join(', ')}`);
  const cache = fileURLToPath(new URL('../../bench/.cache/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  const path = join(cache, `demo-${scale}-seed${values.seed}.kasettle`);
  const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

  if (values.rebuild || !existsSync(path)) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    const book = await createBook(path, 'bench');
    const built = measure(() => {
      generateDemo(book, { seed: Number(values.seed), scale });
      return (book.db.prepare('SELECT count(*) AS n FROM document_lines').get() as { n: number }).n;
    });
    book.close();
    print(report('demo.build', scale, built, 'bare insert of as many 10-column rows', bareInsert(cache, built.rows)));
  }

  const book = await openExistingBook(path);
  try {
    const byKa = measure(() => {
      balancesView(book, 'ka');
      return (book.db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n;
    });
    print(report('balances.by-ka', scale, byKa, 'bare GROUP BY over entries', bareAggregate(book.db)));

    const page = measure(() => documentsView(book, { kind: 'receipt', period: '2026-06' }, { limit: 100, offset: 0 }).length);
    print(report('show.documents-page', scale, page, 'bare first 100 documents', barePage(book.db)));

    const check = measure(() => {
      if (!checkBook(book).ok) throw new Error('the bench book fails its checks');
      return (book.db.prepare('SELECT count(*) AS n FROM document_lines').get() as { n: number }).n;
    });
    print(report('check', scale, check, 'bare PRAGMA integrity_check', bareIntegrity(book.db)));
  } finally {
    book.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
