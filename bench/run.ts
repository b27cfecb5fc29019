import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkBook } from '../core/book/check-book.js';
import { createBook } from '../core/book/create-book.js';
import { openExistingBook } from '../core/book/open-book.js';
import { DEFAULT_DEMO_FROM, DEMO_SCALES, generateDemo, type DemoScale } from '../core/demo/generate-demo.js';
import { importFile } from '../core/import/import-file.js';
import { balancesView, documentsView } from '../core/views/book-views.js';
import { writeDeliveryCsv } from './delivery-csv.js';
import { bareAggregate, bareCsvLoad, bareDeliveryReceiptJoin, bareInsert, bareIntegrity, bareMonthEntries, barePage, bareCloseParts, bareResultsPage, bareStatementAggregate, bareUnmatchedPage } from './baselines.js';
import { acceptProposals } from '../core/vouchers/chart-mapping.js';
import { findLayout } from '../core/vouchers/layouts.js';
import { planVouchers } from '../core/vouchers/plan-vouchers.js';
import { renderVoucherFile } from '../core/vouchers/render-file.js';
import { workbenchLines } from '../core/reconcile/workbench.js';
import { matchDeliveriesBetween } from '../core/reconcile/match-deliveries.js';
import { reconcilePeriod } from '../core/reconcile/reconcile-period.js';
import { reconcileSettings } from '../core/reconcile/settings.js';
import { buildStatement } from '../core/statement/build-statement.js';
import { statementSummary, statementDetailPageOf } from '../core/statement/statement-summary.js';
import { statementHtml } from '../core/statement/statement-html.js';
import { statementDocument, statementKas } from '../core/statement/statement-service.js';
import { ageing } from '../core/credit/ageing.js';
import { acceptCloseExceptions, preparePeriod, reopenPeriod } from '../core/close/close-period.js';
import { addUser, listUsers, signIn } from '../core/users/users.js';
import { cpuSecondsSince, measure, report } from './measure.js';
import { benchXlsxRead } from './xlsx-read.js';
import { benchHq } from './hq-bench.js';
import { compareResults, resultsHash } from './results-hash.js';
import { benchYear } from './year-bench.js';
import { benchTwoYears } from './two-years.js';
import { benchStoreLines } from './store-lines.js';
import { benchResultsWrite } from './results-write.js';

/**
 * `npm run bench [-- --scale small|medium|large] [--rebuild]`: builds (or reuses) a demo book under
 * bench/.cache and prints one JSON line per step with its figures beside a bare-SQLite baseline of the same run.
 * Benchmarks are never tests: they report, they do not fail on a slow machine.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    scale: { type: 'string', default: 'medium' }, seed: { type: 'string', default: '1' }, rebuild: { type: 'boolean', default: false },
    only: { type: 'string' }, 'record-hash': { type: 'boolean', default: false }, distributors: { type: 'string', default: '500' }, seeds: { type: 'string', default: '1,2' }, 'hq-db': { type: 'string', default: 'auto' },
  } });
  const scale = values.scale as DemoScale;
  if (!(scale in DEMO_SCALES)) throw new Error(`--scale must be one of ${Object.keys(DEMO_SCALES).join(', ')}`);
  const cache = fileURLToPath(new URL('../../bench/.cache/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  const path = join(cache, `demo-${scale}-seed${values.seed}.kasettle`);
  const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
  if (values.only === 'hq') {
    await benchHq(cache, { distributors: Number(values.distributors), seeds: values.seeds.split(',').map(Number), db: values['hq-db'] }, print);
    return;
  }

  if (!values.only || values.only === 'import') await benchImport(cache, scale, print);
  if (values.only === 'import') return;
  // Only when asked: six ways of storing the import's lines, three rounds each (about four minutes at the large scale, the import included).
  if (values.only === 'store-lines') {
    if (!existsSync(join(cache, `import-${scale}.kasettle`))) await benchImport(cache, scale, print);
    benchStoreLines(join(cache, `import-${scale}.kasettle`), scale, 3, print);
    return;
  }
  if (!values.only || values.only === 'read') await benchXlsxRead(cache, scale, IMPORT_LINES[scale], print);
  if (values.only === 'read') return;

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

  if (!values.only || values.only === 'two-years') await benchTwoYears(path, join(cache, `demo-${scale}-seed${values.seed}-two-years.kasettle`), scale, print);
  if (values.only === 'two-years') return;
  if (!values.only || values.only === 'year') await benchYear(cache, scale, path, Number(values.seed), DEFAULT_DEMO_FROM, values['record-hash'], print);
  if (values.only === 'year') return;

  const book = await openExistingBook(path);
  try {
    if (values.only === 'workbench') return benchWorkbench(book, scale, print);
    if (values.only === 'statement') return benchStatementPreview(book, scale, print);
    if (values.only === 'reconcile') return benchReconcile(book, `${scale}-seed${values.seed}`, scale, values['record-hash'], print);
    if (values.only === 'vouchers') return await benchVouchers(book, scale, print);
    if (values.only === 'close') return benchClose(book, scale, print);
    // Only when asked: the month's results written again four ways, three rounds each, rolled back.
    if (values.only === 'results-write') return benchResultsWrite(book.db, scale, '2026-06', 3, print);
    const byKa = measure(() => {
      balancesView(book, 'ka');
      return (book.db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n;
    });
    print(report('balances.by-ka', scale, byKa, 'bare GROUP BY over entries', bareAggregate(book.db)));

    const page = measure(() => documentsView(book, { kind: 'receipt', period: '2026-06' }, { limit: 100, offset: 0 }).length);
    print(report('show.documents-page', scale, page, 'bare first 100 documents', barePage(book.db)));

    benchReconcile(book, `${scale}-seed${values.seed}`, scale, values['record-hash'], print);
    if (values.only === 'reconcile') return;
    benchWorkbench(book, scale, print);

    // The month-end: one distributor's statement, and the whole month's preparation (reconcile, accrue, statements).
    const statement = measure(() => buildStatement(book, '2026-06', 'D01').details.deliveries.length);
    print(report('statement.build', scale, statement, 'bare GROUP BY over entries', bareAggregate(book.db)));
    benchStatementPreview(book, scale, print);
    benchClose(book, scale, print);

    // Credit: ageing of every receivable as of a date, against the bare aggregate of the ledger.
    const aged = measure(() => ageing(book, '2026-08-31').rows.length && (book.db.prepare('SELECT count(*) AS n FROM open_items').get() as { n: number }).n);
    print(report('credit.ageing', scale, aged, 'bare GROUP BY over entries', bareAggregate(book.db)));

    const check = measure(() => {
      if (!checkBook(book).ok) throw new Error('the bench book fails its checks');
      return (book.db.prepare('SELECT count(*) AS n FROM document_lines').get() as { n: number }).n;
    });
    print(report('check', scale, check, 'bare PRAGMA integrity_check', bareIntegrity(book.db)));
    await benchVouchers(book, scale, print);
  } finally {
    book.close();
  }
}

/**
 * Reconciliation: one month in full, and the delivery matching of the whole year, against the bare join; each
 * followed by the hash of its results, compared with the one recorded before the speed work (issue 18 point 5).
 */
function benchReconcile(book: Awaited<ReturnType<typeof openExistingBook>>, key: string, scale: string, record: boolean, print: (line: object) => void): void {
  let summary: ReturnType<typeof reconcilePeriod> | undefined;
  const month = measure(() => {
    summary = reconcilePeriod(book, { period: '2026-06', actor: 'bench', asOf: '2026-11-27' });
    return (book.db.prepare("SELECT count(*) AS n FROM recon_delivery_lines WHERE period = '2026-06'").get() as { n: number }).n;
  });
  print(report('reconcile.month', scale, month, 'bare join of the month\'s delivery and receipt lines', bareDeliveryReceiptJoin(book.db, '2026-06')));
  // Claims are created once (a re-run claims nothing twice), so only the matching figures of the summary are hashed.
  const matching = { deliveryLines: summary!.deliveryLines, unexpected: summary!.unexpectedReceiptLines, amounts: summary!.amounts, deductions: summary!.deductions };
  print({ step: 'reconcile.month.results', ...compareResults(`${key}:month-2026-06`, resultsHash(book.db, '2026-06', matching), record) });
  const settings = reconcileSettings(book);
  const year = measure(() => {
    book.write(() => matchDeliveriesBetween(book, '2025-11', '2026-10', null, settings, '2026-11-27'));
    return (book.db.prepare('SELECT count(*) AS n FROM recon_delivery_lines').get() as { n: number }).n;
  });
  print(report('reconcile.match-year', scale, year, 'bare join of the year\'s delivery and receipt lines', bareDeliveryReceiptJoin(book.db)));
  print({ step: 'reconcile.match-year.results', ...compareResults(`${key}:match-year`, resultsHash(book.db, null), record) });
}

/**
 * statement.preview: what the window receives when it opens a distributor-month — the summary (figures computed in
 * SQL, the detail tables counted, not built) and a 200-row page of the largest detail table — timed as the service
 * builds them and weighed as the JSON reply, beside a bare aggregate of the same month (bareStatementAggregate).
 * Targets (issue 18 point 4): the summary under 300 ms, no reply over 500 KB. The whole statement as one HTML page
 * (what the window was sent before) is built and weighed beside it.
 */
function benchStatementPreview(book: Awaited<ReturnType<typeof openExistingBook>>, scale: string, print: (line: object) => void): void {
  const kb = (x: unknown) => Math.round(Buffer.byteLength(JSON.stringify(x)) / 1024);
  const [period, distributor] = ['2026-06', 'D01'];
  let reply: object = {};
  const summary = measure(() => {
    const s = statementSummary(book, period, distributor);
    reply = { html: statementHtml(s), details: s.tables, confirmations: s.confirmations, kas: statementKas(s), sha256: s.sha256 };
    return s.tables[0]!.rows;
  });
  // Asked again, as when the user comes back to the distributor: the statements are prepared, the pages cached.
  const again = measure(() => statementSummary(book, period, distributor).tables[0]!.rows);
  let page: ReturnType<typeof statementDetailPageOf> | undefined;
  const paged = measure(() => (page = statementDetailPageOf(book, period, distributor, undefined, 0, 0, 200)).rows.length);
  let whole = 0;
  const full = measure(() => {
    const doc = statementDocument(book, period, distributor);
    whole = kb({ html: statementHtml(doc, { withDetails: true }) });
    return doc.content.details.deliveries.length;
  });
  const bare = bareStatementAggregate(book.db, period, distributor);
  print({ ...report('statement.preview', scale, summary, "bare aggregate of the distributor-month (its ledger by KA and account, its delivery results counted)", bare),
    replyKB: kb(reply), load: loadavg(), again: { seconds: Number(again.seconds.toFixed(4)), ratio: Number((again.seconds / bare.seconds).toFixed(2)) },
    detailPage: { rows: paged.rows, of: page!.total, seconds: Number(paged.seconds.toFixed(4)), replyKB: kb(page) },
    before: { what: 'the whole statement built, hashed and sent as one HTML reply', seconds: Number(full.seconds.toFixed(4)), replyKB: whole },
    targets: { summarySeconds: 0.3, replyKB: 500 } });
}

/**
 * close.prepare-month (准备): the month reconciled, its accruals, every exception checked and a statement frozen per
 * distributor — against the sum of its bare parts (bareClosePartsOf): the bare join of the month, the bare sums the
 * accruals rest on, and the bare reads of what the statements hold. Preparing is followed by reopening (not timed in
 * the ratio's parts), so the step can run again.
 */
function benchClose(book: Awaited<ReturnType<typeof openExistingBook>>, scale: string, print: (line: object) => void): void {
  // Months close in order: the book's first month is the one that may be prepared while every other stays open.
  const period = DEFAULT_DEMO_FROM;
  const people = benchPeople(book);
  acceptCloseExceptionsAfterFirstTry(book, period, people);
  let reopen = 0;
  const close = measure(() => {
    const r = preparePeriod(book, period, people.wang, '2026-11-27');
    const t = process.hrtime.bigint();
    reopenPeriod(book, period, people.admin, 'benchmark run');
    reopen = Number(process.hrtime.bigint() - t) / 1e9;
    return r.statements.length;
  });
  const prepared = { rows: close.rows, seconds: close.seconds - reopen };
  const parts = bareCloseParts(book.db, period);
  print({ ...report('close.prepare-month', scale, prepared, 'sum of its bare parts: the month\'s join, the accruals\' sums, the statements\' reads', parts.sum),
    load: loadavg(), parts: Object.fromEntries(Object.entries(parts).map(([k, m]) => [k, Number(m.seconds.toFixed(4))])) });
}

/**
 * The workbench opening on a whole year of results (first page and the count), a page from the middle, and the
 * count of unmatched lines, against reading the same page and count straight from the results table.
 */
function benchWorkbench(book: Awaited<ReturnType<typeof openExistingBook>>, scale: string, print: (line: object) => void): void {
  const year = { from: '2025-11', to: '2026-10' };
  const bare = bareResultsPage(book.db);
  const open = measure(() => workbenchLines(book, { ...year, withTotal: true, offset: 0, limit: 200 }).total!);
  print(report('workbench.open-year', scale, open, 'bare count and first 200 results', bare));
  const middle = measure(() => {
    workbenchLines(book, { ...year, offset: Math.floor(open.rows / 2), limit: 200 });
    return open.rows;
  });
  print(report('workbench.page-middle', scale, middle, 'bare count and first 200 results', bare));
  const unmatched = measure(() => workbenchLines(book, { ...year, status: 'unmatched', withTotal: true, offset: 0, limit: 200 }).total!);
  print(report('workbench.open-unmatched', scale, unmatched, 'bare count and first 200 results', bare));
  // The same filter read straight: the count of the year's results not matched and their first 200 rows.
  print(report('workbench.open-unmatched', scale, unmatched, 'bare count and first 200 of the unmatched results', bareUnmatchedPage(book.db, year.from, year.to)));
}

/**
 * A month as vouchers, one per document: planning them from the entries (mapping, 核算项目, 摘要) and writing them as
 * a 金蝶 K/3 workbook, against reading the month's entries straight. Nothing is remembered, so the step repeats.
 */
async function benchVouchers(book: Awaited<ReturnType<typeof openExistingBook>>, scale: string, print: (line: object) => void): Promise<void> {
  acceptProposals(book, benchPeople(book).wang);
  let vouchers: ReturnType<typeof planVouchers>['vouchers'] = [];
  const plan = measure(() => {
    vouchers = planVouchers(book, '2026-06', { grouping: 'document', word: '记', preparer: 'bench', lang: 'zh' }).vouchers;
    return vouchers.reduce((n, v) => n + v.lines.length, 0);
  });
  const bare = bareMonthEntries(book.db, '2026-06');
  print(report('vouchers.plan-month', scale, plan, 'bare read of the month\'s entries', bare));
  const start = process.hrtime.bigint();
  await renderVoucherFile(findLayout('kingdee-k3'), '2026-06', vouchers);
  print(report('vouchers.xlsx-month', scale, { rows: plan.rows, seconds: Number(process.hrtime.bigint() - start) / 1e9 }, 'bare read of the month\'s entries', bare));
}

function benchPeople(book: Awaited<ReturnType<typeof openExistingBook>>) {
  if (listUsers(book).length === 0) {
    addUser(book, null, { username: 'admin', role: 'admin', password: 'bench-admin' });
    addUser(book, signIn(book, 'admin', 'bench-admin'), { username: 'wang', role: 'accountant', password: 'bench-wang' });
  }
  return { admin: signIn(book, 'admin', 'bench-admin'), wang: signIn(book, 'wang', 'bench-wang') };
}

function acceptCloseExceptionsAfterFirstTry(book: Awaited<ReturnType<typeof openExistingBook>>, period: string, people: ReturnType<typeof benchPeople>): void {
  try {
    preparePeriod(book, period, people.wang, '2026-11-27');
    reopenPeriod(book, period, people.admin, 'benchmark run');
  } catch {
    acceptCloseExceptions(book, period, 'all', 'benchmark', people.wang);
  }
}

const IMPORT_LINES: Record<DemoScale, number> = { tiny: 20_000, small: 100_000, medium: 300_000, large: 1_000_000 };

/** A delivery CSV of the scale's size imported into a book holding only master data, beside a bare insert. */
async function benchImport(cache: string, scale: DemoScale, print: (line: object) => void): Promise<void> {
  const path = join(cache, `import-${scale}.kasettle`);
  const csv = join(cache, `deliveries-${scale}.csv`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const book = await createBook(path, 'bench');
  try {
    generateDemo(book, { masterDataOnly: true });
    if (!existsSync(csv)) await writeDeliveryCsv(book, csv, IMPORT_LINES[scale]);
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const r = await importFile(book, csv, { kind: 'deliveries', actor: 'bench' });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpuSeconds = cpuSecondsSince(cpu);
    if (!r.committed) throw new Error(`bench import failed: ${r.errors[0]?.reason ?? 'not committed'}`);
    print(report('import.deliveries-csv', scale, { seconds, rows: r.lines, cpuSeconds }, 'bare insert of as many 10-column rows', bareInsert(cache, r.lines)));
    // The same import beside the file loaded by bare better-sqlite3 (read, split, numbers read, inserted): issue 18's floor.
    print(report('import.deliveries-csv', scale, { seconds, rows: r.lines, cpuSeconds }, 'bare better-sqlite3 load of the same file', bareCsvLoad(cache, csv)));
  } finally {
    book.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
