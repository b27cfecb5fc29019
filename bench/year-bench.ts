import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { createWriteStream, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { createBook } from '../core/book/create-book.js';
import { openExistingBook } from '../core/book/open-book.js';
import { generateDemo } from '../core/demo/generate-demo.js';
import { importFile } from '../core/import/import-file.js';
import { reconcilePeriod } from '../core/reconcile/reconcile-period.js';
import { compareResults, resultsHash } from './results-hash.js';
import { bareCsvLoad, bareInsert } from './baselines.js';
import { cpuSecondsSince, peakRssMb } from './measure.js';

/**
 * year.import-and-reconcile (issue 18 point 3): a year of one distributor's KA business as files — the delivery
 * and the receiving export of the demo book of the scale — imported into a book holding only its master data, then
 * reconciled month by month, as an accountant does it; beside the same files loaded and joined by bare SQLite and
 * by DuckDB in the same run.
 */
const DELIVERY_HEADING = '送货单号,送货日期,订单号,系统编码,门店编号,商品编码,数量,单价,金额';
const RECEIPT_HEADING = '验收单号,验收日期,订单号,系统编码,门店编号,商品编码,验收数量,单价,金额';

const decimal = (x: number, places: number) => {
  const sign = x < 0 ? '-' : '';
  const a = Math.abs(x);
  const unit = 10 ** places;
  return `${sign}${Math.floor(a / unit)}.${String(a % unit).padStart(places, '0')}`;
};

/** The demo book's deliveries or receipts in force, one row a line, in document order, as an ERP or portal exports them. */
async function exportLines(bookPath: string, kind: 'delivery' | 'receipt', path: string): Promise<number> {
  const db = new Database(bookPath, { readonly: true });
  const out = createWriteStream(`${path}.part`);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`${kind === 'delivery' ? DELIVERY_HEADING : RECEIPT_HEADING}\n`);
  let n = 0;
  let chunk = '';
  const rows = db.prepare(`SELECT d.doc_no, d.doc_date, coalesce(l.order_no, d.order_no) AS po, k.code AS ka, s.store_code, p.sku,
      l.qty_milli, l.price_e4, l.amount_fen
    FROM documents d JOIN document_lines l ON l.document_id = d.id JOIN ka_accounts k ON k.id = d.ka_account_id
      JOIN stores s ON s.id = coalesce(l.store_id, d.store_id) JOIN products p ON p.id = l.product_id
    WHERE d.kind = ? AND d.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM documents x WHERE x.reverses_id = d.id)
    ORDER BY d.id, l.line_no`).raw(true);
  for (const [docNo, date, po, ka, store, sku, qty, price, amount] of rows.iterate(kind) as Iterable<[string, string, string | null, string, string, string, number, number, number]>) {
    chunk += `${docNo},${date},${po ?? ''},${ka},${store},${sku},${decimal(qty, 3)},${decimal(price, 4)},${decimal(amount, 2)}\n`;
    n++;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  db.close();
  renameSync(`${path}.part`, path);
  return n;
}

const MONTHS = (from: string) => Array.from({ length: 12 }, (_, i) => {
  const [y, m] = from.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + i;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
});

/** The same files read and joined by bare better-sqlite3: split lines, insert into two plain tables, index, join month by month. */
function bareSqlite(dir: string, deliveries: string, receipts: string, months: string[]): number {
  const path = join(dir, 'baseline-year.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const start = process.hrtime.bigint();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  for (const [table, file] of [['d', deliveries], ['r', receipts]] as const) {
    db.exec(`CREATE TABLE ${table} (doc TEXT, date TEXT, po TEXT, ka TEXT, store TEXT, sku TEXT, qty INTEGER, price INTEGER, amount INTEGER)`);
    const insert = db.prepare(`INSERT INTO ${table} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const lines = readFileSync(file, 'utf8').split('\n');
    db.transaction(() => {
      for (let i = 1; i < lines.length; i++) {
        const c = lines[i]!.split(',');
        if (c.length < 9) continue;
        insert.run(c[0], c[1], c[2] || null, c[3], c[4], c[5], Math.round(Number(c[6]) * 1000), Math.round(Number(c[7]) * 10_000), Math.round(Number(c[8]) * 100));
      }
    })();
  }
  db.exec('CREATE INDEX r_key ON r(ka, store, po, sku)');
  let pairs = 0;
  const join1 = db.prepare(`SELECT count(*) AS n, sum(r.qty - d.qty) AS q FROM d JOIN r ON r.ka = d.ka AND r.store = d.store AND r.po = d.po AND r.sku = d.sku
    WHERE d.date >= ? AND d.date < ?`);
  for (const m of months) pairs += (join1.get(`${m}-01`, `${m}-32`) as { n: number }).n;
  db.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  if (pairs === 0) throw new Error('the bare join found no pairs');
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** The same files in DuckDB (in memory, all cores), the same joins. */
async function duckDb(deliveries: string, receipts: string, months: string[]): Promise<number> {
  const start = process.hrtime.bigint();
  const instance = await DuckDBInstance.create(':memory:');
  const c = await instance.connect();
  for (const [table, file] of [['d', deliveries], ['r', receipts]] as const) {
    await c.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv('${file}', header = true, all_varchar = true,
      names = ['doc', 'date', 'po', 'ka', 'store', 'sku', 'qty', 'price', 'amount'])`);
  }
  let pairs = 0;
  for (const m of months) {
    const reader = await c.runAndReadAll(`SELECT count(*) AS n, sum(CAST(r.qty AS DECIMAL(18, 3)) - CAST(d.qty AS DECIMAL(18, 3))) AS q FROM d JOIN r
      ON r.ka = d.ka AND r.store = d.store AND r.po = d.po AND r.sku = d.sku WHERE d.date >= '${m}-01' AND d.date < '${m}-32'`);
    pairs += Number(reader.getRows()[0]![0]);
  }
  c.closeSync();
  instance.closeSync();
  if (pairs === 0) throw new Error('DuckDB found no pairs');
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function benchYear(cache: string, scale: string, demoBook: string, seed: number, from: string, record: boolean, print: (line: object) => void): Promise<void> {
  const deliveries = join(cache, `year-deliveries-${scale}.csv`);
  const receipts = join(cache, `year-receipts-${scale}.csv`);
  if (!existsSync(deliveries)) await exportLines(demoBook, 'delivery', deliveries);
  if (!existsSync(receipts)) await exportLines(demoBook, 'receipt', receipts);
  const months = MONTHS(from);

  const path = join(cache, `year-${scale}.kasettle`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  rmSync(join(cache, 'backups'), { recursive: true, force: true });
  const created = await createBook(path, 'bench');
  generateDemo(created, { seed, scale: scale as never, from, masterDataOnly: true });
  created.close();
  const book = await openExistingBook(path);
  const steps: Record<string, number> = {};
  let lines = 0;
  const imported: Record<string, number> = {};
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const cpuSteps: Record<string, number> = {};
  let cpuLap = process.cpuUsage();
  const lap = (name: string, t0: bigint) => {
    steps[name] = Number((Number(process.hrtime.bigint() - t0) / 1e9).toFixed(2));
    cpuSteps[name] = Number(cpuSecondsSince(cpuLap).toFixed(2));
    cpuLap = process.cpuUsage();
  };
  try {
    for (const [kind, file] of [['deliveries', deliveries], ['receipts', receipts]] as const) {
      const t0 = process.hrtime.bigint();
      const r = await importFile(book, file, { kind, actor: 'bench' });
      if (!r.committed) throw new Error(`year import of ${kind} failed: ${JSON.stringify(r.errors.slice(0, 3))}`);
      lines += r.lines;
      imported[kind] = r.lines;
      lap(`import.${kind}`, t0);
      process.stderr.write(`year: ${kind} imported, ${r.lines} lines in ${steps[`import.${kind}`]} s\n`);
    }
    const t0 = process.hrtime.bigint();
    for (const period of months) reconcilePeriod(book, { period, actor: 'bench', asOf: '2026-11-27' });
    lap('reconcile.12-months', t0);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpuSeconds = cpuSecondsSince(cpuStart);
    const peak = peakRssMb();
    let cpu = process.cpuUsage();
    const bare = bareSqlite(cache, deliveries, receipts, months);
    const bareCpu = cpuSecondsSince(cpu);
    cpu = process.cpuUsage();
    const duck = await duckDb(deliveries, receipts, months);
    const duckCpu = cpuSecondsSince(cpu);
    // Each import against a bare insert of as many rows (issue 18 point 1: the receipts import beside the deliveries').
    for (const kind of ['deliveries', 'receipts'] as const) {
      const b = bareInsert(cache, imported[kind]!);
      const load = bareCsvLoad(cache, kind === 'deliveries' ? deliveries : receipts);
      print({ step: `import.${kind}-csv.year`, scale, rows: imported[kind], seconds: steps[`import.${kind}`], baseline: { what: 'bare insert of as many 10-column rows', seconds: Number(b.seconds.toFixed(3)) },
        ratio: Number((steps[`import.${kind}`]! / b.seconds).toFixed(2)),
        fileBaseline: { what: 'bare better-sqlite3 load of the same file', rows: load.rows, seconds: Number(load.seconds.toFixed(3)) },
        ratioToFileLoad: Number((steps[`import.${kind}`]! / load.seconds).toFixed(2)),
        cpu: { seconds: cpuSteps[`import.${kind}`], bareInsert: Number(b.cpuSeconds!.toFixed(3)), fileLoad: Number(load.cpuSeconds!.toFixed(3)),
          ratio: Number((cpuSteps[`import.${kind}`]! / b.cpuSeconds!).toFixed(2)), ratioToFileLoad: Number((cpuSteps[`import.${kind}`]! / load.cpuSeconds!).toFixed(2)) },
        loadAverage: loadavg().map((x) => Number(x.toFixed(2))) });
    }
    print({ step: 'year.import-and-reconcile', scale, rows: lines, seconds: Number(seconds.toFixed(2)), steps, peakRssMB: peak,
      baseline: { what: 'bare better-sqlite3: the two files split, inserted, indexed and joined month by month', seconds: Number(bare.toFixed(2)) },
      duckdb: { what: 'DuckDB in memory: read_csv of the two files and the same joins', seconds: Number(duck.toFixed(2)) },
      ratio: Number((seconds / bare).toFixed(2)), ratioToDuckDb: Number((seconds / duck).toFixed(2)),
      cpu: { seconds: Number(cpuSeconds.toFixed(2)), steps: cpuSteps, bareSqlite: Number(bareCpu.toFixed(2)), duckdb: Number(duckCpu.toFixed(2)),
        ratio: Number((cpuSeconds / bareCpu).toFixed(2)), ratioToDuckDb: Number((cpuSeconds / duckCpu).toFixed(2)) },
      loadAverage: loadavg().map((x) => Number(x.toFixed(2))) });
    print({ step: 'year.import-and-reconcile.results', ...compareResults(`${scale}-seed${seed}:year-import-12-months`, resultsHash(book.db, null), record) });
  } finally {
    book.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}
