import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { claimsQueue } from '../hq/core/claims-queue.js';
import { initHq } from '../hq/core/hq-open.js';
import { addHqUser, signInHq } from '../hq/core/hq-users.js';
import { loadPackages } from '../hq/core/load-package.js';
import { registerSender } from '../hq/core/register-sender.js';
import { channelWatchHq, exposureByChain, marketingAudit, missingMonths, nationalRebates, saveNationalContract } from '../hq/core/views.js';
import { demoSenders, templateMonths, writeDemoWorld } from '../hq/demo/head-office-world.js';
import type { HqDb, HqTarget } from '../hq/db/connection.js';
import { startThrowawayPostgres, postgresInstalled } from '../hq/dev/throwaway-postgres.js';
import { report, type Measurement } from './measure.js';

async function timed(fn: () => Promise<number>): Promise<Measurement> {
  const start = process.hrtime.bigint();
  const rows = await fn();
  return { rows, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** The best of three runs: a view is timed warm, as a controller opening it twice in a morning sees it. */
async function best(fn: () => Promise<number>): Promise<Measurement> {
  let out: Measurement | undefined;
  for (let i = 0; i < 3; i++) {
    const m = await timed(fn);
    if (!out || m.seconds < out.seconds) out = m;
  }
  return out!;
}

async function count(db: HqDb, sql: string, params: unknown[] = []): Promise<number> {
  return (await db.query<{ n: number }>(sql, params))[0]!.n;
}

/**
 * The head office at scale (issue 21 point 6): `npm run bench -- --only hq [--distributors 500] [--hq-db URL|pglite|postgres]`.
 * Builds (or reuses) the demo world of signed packages, loads it into a fresh head office — the first thousand
 * packages timed on their own — and times each view against a bare SQL statement over the same table.
 */
export async function benchHq(cache: string, o: { distributors: number; seeds: number[]; db: string }, print: (line: object) => void): Promise<void> {
  const scale = `${o.distributors} distributors × 12 months`;
  const base = join(cache, 'hq');
  const templates = await templateMonths(join(base, 'templates'), o.seeds, (seed, seconds) => print({ step: 'hq.template-book', seed, seconds }));
  // -sorted: bodies in canonical key order, as signBody writes them since the loader hashes what it parsed (an older
  // world of the same size stays valid and loads, by the sorted copy, but is not what books now send).
  const world = join(base, `world-${o.distributors}-${o.seeds.join('_')}-sorted`);
  if (!existsSync(join(world, 'done'))) {
    rmSync(world, { recursive: true, force: true });
    const made = await timed(async () => writeDemoWorld(world, demoSenders(o.distributors, templates), templates).packages.length);
    writeFileSync(join(world, 'done'), '');
    print({ step: 'hq.generate', scale, packages: made.rows, seconds: Number(made.seconds.toFixed(1)) });
  }
  const keys = readdirSync(join(world, 'keys')).map((f) => join(world, 'keys', f));
  const periods = readdirSync(join(world, 'packages')).sort();
  const files = periods.flatMap((p) => readdirSync(join(world, 'packages', p)).sort().map((f) => join(world, 'packages', p, f)));

  let stop = () => {};
  let target: HqTarget;
  if (o.db === 'postgres' || (o.db === 'auto' && postgresInstalled())) {
    const server = await startThrowawayPostgres();
    stop = server.stop;
    target = { url: await server.createDatabase('hq_bench') };
  } else if (/^postgres(ql)?:\/\//.test(o.db)) target = { url: o.db };
  else {
    const folder = join(base, 'db-pglite');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    target = { folder };
  }
  const { db } = await initHq(target);
  const backend = db.kind;
  try {
    await addHqUser(db, null, { username: 'bench', role: 'admin', password: 'bench-pass-1' });
    const user = await signInHq(db, 'bench', 'bench-pass-1');
    for (const k of keys) await registerSender(db, k, user);
    await db.exec('CREATE TABLE bench_bare (distributor integer, ka text, store text, sku text, region text, qty bigint, amount bigint)');
    const rowsOf = (outcome: Awaited<ReturnType<typeof loadPackages>>) => outcome.filter((x) => x.status === 'loaded').length;

    const first = files.slice(0, 1000);
    const load1000 = await timed(async () => rowsOf(await loadPackages(db, first, user)));
    const stored = await count(db, 'SELECT ((SELECT count(*) FROM product_figures) + (SELECT count(*) FROM store_figures) + (SELECT count(*) FROM ka_figures))::int AS n');
    // Baseline: the same number of rows, as plain inserts of one JSON array per thousand rows into a table with no keys.
    const bare = await timed(async () => {
      const row = { distributor: 1, ka: 'RTM', store: 'A010', sku: 'SKU0001', region: '华东', qty: 12000, amount: 123456 };
      for (let done = 0; done < stored; done += 1000) {
        await db.query(`INSERT INTO bench_bare SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(distributor int, ka text, store text, sku text, region text, qty bigint, amount bigint)`,
          [JSON.stringify(Array.from({ length: Math.min(1000, stored - done) }, () => row))]);
      }
      return stored;
    });
    print({ ...report(`hq.load-1000.${backend}`, scale, load1000, `bare insert of the ${stored} figure rows they hold`, bare), packagesPerSecond: Math.round(load1000.rows / load1000.seconds),
      loadAverage: loadavg().map((x) => Number(x.toFixed(1))) });
    const rest = await timed(async () => rowsOf(await loadPackages(db, files.slice(1000), user)));
    print({ step: `hq.load-rest.${backend}`, scale, packages: rest.rows, seconds: Number(rest.seconds.toFixed(1)), packagesPerSecond: Math.round(rest.rows / rest.seconds) });
    const again = await timed(async () => (await loadPackages(db, files.slice(0, 200), user)).filter((x) => x.status === 'already-loaded').length);
    print({ step: `hq.load-again.${backend}`, scale, packages: again.rows, seconds: Number(again.seconds.toFixed(2)) });
    // The monthly product totals each load sums once at its end must be those of the figures held, row for row.
    const differing = await count(db, `SELECT count(*)::int AS n FROM (SELECT period, ka, sku, sum(qty_milli) AS q, sum(sales_fen) AS s, sum(fees_fen) AS f,
        count(DISTINCT distributor_id) AS d FROM product_figures GROUP BY 1, 2, 3) x FULL JOIN product_months m USING (period, ka, sku)
      WHERE m.qty_milli IS DISTINCT FROM x.q OR m.sales_fen IS DISTINCT FROM x.s OR m.fees_fen IS DISTINCT FROM x.f OR m.distributors IS DISTINCT FROM x.d`);
    print({ step: `hq.product-months.${backend}`, rows: await count(db, 'SELECT count(*)::int AS n FROM product_months'), differing, marked: await count(db, 'SELECT count(*)::int AS n FROM product_months_marked') });

    const last = periods.at(-1)!;
    const firstPeriod = periods[0]!;
    await saveNationalContract(db, { code: 'NC-RTM', ka: 'RTM', name: '大润发全国联采', yearFrom: firstPeriod, months: 12, mode: 'whole',
      tiers: [{ threshold: 0, rate: 10_000 }, { threshold: 10_000_000_000, rate: 20_000 }, { threshold: 50_000_000_000, rate: 25_000 }] }, user);
    const factRows = (table: string) => count(db, `SELECT count(*)::int AS n FROM ${table}`);
    const views: [string, () => Promise<number>, string, () => Promise<number>][] = [
      ['exposure', async () => (await exposureByChain(db, last)).chains.length, 'bare GROUP BY chain over the month\'s KA figures',
        () => count(db, 'SELECT count(*)::int AS n FROM (SELECT ka, sum(open_fen) FROM ka_figures WHERE period = $1 GROUP BY ka) x', [last])],
      ['claims-queue', async () => (await claimsQueue(db, { limit: 200 })).total, 'bare count and first 200 pending claims',
        async () => { await db.query("SELECT * FROM claims WHERE state = 'pending' ORDER BY period, doc_no LIMIT 200"); return count(db, "SELECT count(*)::int AS n FROM claims WHERE state = 'pending'"); }],
      ['national-rebates', async () => (await nationalRebates(db, last)).contracts[0]!.allocation.length, 'bare SUM per distributor of a chain over the year',
        () => count(db, "SELECT count(*)::int AS n FROM (SELECT distributor_id, sum(net_sales_fen) FROM ka_figures WHERE ka = 'RTM' AND period BETWEEN $1 AND $2 GROUP BY distributor_id) x", [firstPeriod, last])],
      ['channel-watch', async () => { const w = await channelWatchHq(db, '2026-08'); return w.priceGaps.length + w.storeSpikes.length; }, 'bare GROUP BY chain and product over the month\'s product figures',
        () => count(db, "SELECT count(*)::int AS n FROM (SELECT ka, sku, min(min_price_e4), max(max_price_e4) FROM product_figures WHERE period = '2026-08' GROUP BY ka, sku) x")],
      ['audit-by-ka', async () => (await marketingAudit(db, { from: firstPeriod, to: last, by: 'ka' })).rows.length, 'bare GROUP BY chain over a year of KA figures',
        () => count(db, 'SELECT count(*)::int AS n FROM (SELECT ka, sum(net_sales_fen) FROM ka_figures WHERE period BETWEEN $1 AND $2 GROUP BY ka) x', [firstPeriod, last])],
      ['audit-by-store', async () => (await marketingAudit(db, { from: firstPeriod, to: last, by: 'store', limit: 200 })).total, 'bare GROUP BY store over a year of store figures',
        () => count(db, 'SELECT count(*)::int AS n FROM (SELECT distributor_id, ka, store, sum(sales_fen) FROM store_figures WHERE period BETWEEN $1 AND $2 GROUP BY distributor_id, ka, store) x', [firstPeriod, last])],
      ['audit-by-product', async () => (await marketingAudit(db, { from: firstPeriod, to: last, by: 'product', limit: 200 })).total, 'bare GROUP BY chain and product over a year of product figures',
        () => count(db, 'SELECT count(*)::int AS n FROM (SELECT ka, sku, sum(sales_fen) FROM product_figures WHERE period BETWEEN $1 AND $2 GROUP BY ka, sku) x', [firstPeriod, last])],
      ['missing-months', async () => (await missingMonths(db, firstPeriod, last)).complete, 'bare count of current statements per distributor',
        () => count(db, 'SELECT count(*)::int AS n FROM (SELECT distributor_id, count(*) FROM statements GROUP BY distributor_id) x')],
    ];
    print({ step: `hq.facts.${backend}`, scale, packages: await factRows('packages'), kaFigures: await factRows('ka_figures'), storeFigures: await factRows('store_figures'),
      productFigures: await factRows('product_figures'), claims: await factRows('claims'),
      // The machine is shared: its load average beside the timings says how far to trust the seconds (ratios hold better).
      loadAverage: loadavg().map((x) => Number(x.toFixed(1))) });
    for (const [name, view, what, baseline] of views) print(report(`hq.view.${name}.${backend}`, scale, await best(view), what, await best(baseline)));
  } finally {
    await db.close();
    stop();
  }
}
