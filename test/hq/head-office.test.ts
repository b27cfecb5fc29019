import { mkdirSync, mkdtempSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExistingBook } from '../../core/book/open-book.js';
import { approvePeriod, reopenPeriod, reviewPeriod } from '../../core/close/close-period.js';
import { ageing } from '../../core/credit/ageing.js';
import { reverseDocument } from '../../core/corrections/reverse.js';
import { importFile } from '../../core/import/import-file.js';
import { reconcilePeriod } from '../../core/reconcile/reconcile-period.js';
import { buildPackage, signBody } from '../../core/package/build-package.js';
import { keyIdOf, publicKeyFile } from '../../core/package/signing-key.js';
import { statementDocument } from '../../core/statement/statement-service.js';
import type { Book } from '../../db/connection.js';
import { listClaims } from '../../db/queries/claims.js';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { canonicalJson } from '../../core/canonical-json.js';
import { confirmClaims, claimsQueue, proposeClaims, sendBackClaims } from '../../hq/core/claims-queue.js';
import { writeCreditsFiles } from '../../hq/core/credits-file.js';
import { verifyHqAudit } from '../../hq/core/hq-audit.js';
import { initHq, openHq } from '../../hq/core/hq-open.js';
import { addHqUser, signInHq, type HqSignedIn } from '../../hq/core/hq-users.js';
import { loadPackages } from '../../hq/core/load-package.js';
import { refreshMarkedMonths } from '../../hq/core/product-months.js';
import { registerSender } from '../../hq/core/register-sender.js';
import { channelWatchHq, exposureByChain, marketingAudit, missingMonths, nationalRebates, saveNationalContract } from '../../hq/core/views.js';
import type { HqDb, HqTarget } from '../../hq/db/connection.js';
import { statementOf } from '../../hq/db/queries/views.js';
import { APPROVED_MONTHS, approvedDemoCopy, bookPeople, prepareAccepting } from '../helpers/approved-demo.js';
import { realServerAvailable, startThrowawayPostgres, type ThrowawayPostgres } from '../helpers/throwaway-postgres.js';

/**
 * The head office end to end, on both backends with the same suite: an approved demo book's months packaged,
 * registered and loaded; figures equal the book's to the fen; tampered and unknown packages refused with nothing
 * written; a re-approved month supersedes; claims decided by two controllers (and, on the real server, two at once
 * on two connections); the credits file imported into the book clears exactly the approved claims; corrections of
 * a month already sent (a reversed receipt, a reversed claim) arrive with the next month's package.
 */
const BACKENDS = ['pglite', ...(realServerAvailable() ? ['postgres'] : [])] as const;

let server: ThrowawayPostgres | undefined;
afterAll(() => server?.stop());

describe.each(BACKENDS)('the head office on %s', (backend) => {
  let dir: string;
  let bookPath: string;
  let target: HqTarget;
  let hq: HqDb;
  let chen: HqSignedIn;
  let sun: HqSignedIn;
  const packages: Record<string, string> = {};

  const withBook = async <T>(fn: (book: Book) => T | Promise<T>): Promise<T> => {
    const book = await openExistingBook(bookPath);
    try {
      return await fn(book);
    } finally {
      book.close();
    }
  };
  const count = async (table: string) => (await hq.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ka-settle-hq-'));
    bookPath = await approvedDemoCopy(dir);
    await withBook((book) => {
      writeFileSync(join(dir, 'key.json'), JSON.stringify(publicKeyFile(book, 'wang')));
      for (const m of APPROVED_MONTHS) writeFileSync(packages[m] = join(dir, `${m}.package`), JSON.stringify(buildPackage(book, m, 'wang')));
    });
    if (backend === 'postgres') {
      server ??= await startThrowawayPostgres();
      target = { url: await server.createDatabase('hq_suite') };
    } else target = { folder: join(dir, 'hq') };
    const made = await initHq(target);
    hq = made.db;
    await addHqUser(hq, null, { username: 'boss', role: 'admin', password: 'boss-pass-1' });
    const boss = await signInHq(hq, 'boss', 'boss-pass-1');
    await addHqUser(hq, boss, { username: 'chen', displayName: '陈信用', role: 'credit_controller', password: 'chen-pass-1' });
    await addHqUser(hq, boss, { username: 'sun', displayName: '孙信用', role: 'credit_controller', password: 'sun-pass-1' });
    await addHqUser(hq, boss, { username: 'zhou', role: 'ka_manager', password: 'zhou-pass-1' });
    chen = await signInHq(hq, 'chen', 'chen-pass-1');
    sun = await signInHq(hq, 'sun', 'sun-pass-1');
  }, 300_000);
  afterAll(async () => {
    await hq?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a package whose key is not registered, writing nothing', async () => {
    const [out] = await loadPackages(hq, [packages['2025-11']!], chen);
    expect(out!.status).toBe('refused');
    expect(out!.status === 'refused' && out!.problems.map((p) => p.code)).toEqual(['package.unknown-key']);
    expect(await count('packages')).toBe(0);
  });

  it('registers the book and loads its months once; loading again is reported and changes nothing', async () => {
    const reg = await registerSender(hq, join(dir, 'key.json'), chen);
    expect(reg).toMatchObject({ created: true, distributors: 4 });
    // Read and verified in two worker threads, as a large load is: every figure checked below came through them.
    const first = await loadPackages(hq, Object.values(packages), chen, undefined, { workers: 2 });
    expect(first.map((o) => o.status)).toEqual(['loaded', 'loaded']);
    const again = await loadPackages(hq, [packages['2025-12']!], chen);
    expect(again[0]!.status).toBe('already-loaded');
    expect(await count('packages')).toBe(2);
  });

  it('holds each distributor’s month exactly as the book’s statement, to the fen', async () => {
    await withBook(async (book) => {
      for (const period of APPROVED_MONTHS) {
        for (const code of ['D01', 'D02', 'D03', 'D04']) {
          const doc = statementDocument(book, period, code);
          const [d] = await hq.query<{ id: number }>('SELECT id FROM distributors WHERE code = $1', [code]);
          const held = (await statementOf(hq, d!.id, period))!;
          expect(held.sha256).toBe(doc.sha256);
          expect([held.net_sales_fen, held.closing_fen, held.net_due_fen]).toEqual([doc.content.totals.netSales, doc.content.totals.receivable.closing, doc.content.netDue.fromManufacturer]);
          const { details: _d, ...summary } = doc.content;
          expect(held.summary).toEqual(JSON.parse(JSON.stringify(summary)));
        }
      }
    });
  });

  it('shows each chain’s exposure across distributors equal to the book’s ageing of the same day', async () => {
    const exposure = await exposureByChain(hq, '2025-12');
    const byKa = await withBook((book) => ageing(book, '2025-12-31', 'ka'));
    for (const row of byKa.rows) {
      const chain = exposure.chains.find((c) => c.ka === row.code)!;
      expect(chain.grossFen).toBe(row.total);
      expect(chain.unappliedFen).toBe(row.credits);
      expect(chain.distributors).toBe(4);
      expect(chain.netFen).toBe(chain.grossFen - chain.owedByManufacturerFen);
    }
    expect(exposure.chains.reduce((s, c) => s + c.grossFen, 0)).toBe(byKa.ledgerBalance);
  });

  it('audits sales per chain, store and product that add up to the statements', async () => {
    const byKa = await marketingAudit(hq, { from: '2025-11', to: '2025-12', by: 'ka' });
    const expected = new Map<string, number>();
    await withBook((book) => {
      for (const period of APPROVED_MONTHS) for (const code of ['D01', 'D02', 'D03', 'D04']) {
        for (const k of statementDocument(book, period, code).content.kaAccounts) expected.set(k.code, (expected.get(k.code) ?? 0) + k.netSales);
      }
    });
    expect(Object.fromEntries(byKa.rows.map((r) => [r.ka, r.net_sales_fen]))).toEqual(Object.fromEntries(expected));
    const byStore = await marketingAudit(hq, { from: '2025-11', to: '2025-12', by: 'store', limit: 1000 });
    const byProduct = await marketingAudit(hq, { from: '2025-11', to: '2025-12', by: 'product', limit: 5000 });
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(byStore.rows.reduce((s, r) => s + r.net_sales_fen, 0)).toBe(total);
    expect(byProduct.rows.reduce((s, r) => s + r.net_sales_fen, 0)).toBe(total);
    // Fees borne per store are spread over its products and still add up.
    expect(byProduct.rows.reduce((s, r) => s + r.fees_fen, 0)).toBe(byStore.rows.reduce((s, r) => s + r.fees_fen, 0));
    expect((byProduct.rows as { distributionPpm: number }[]).every((r) => r.distributionPpm > 0 && r.distributionPpm <= 1_000_000)).toBe(true);
  });

  it('finds the month’s cross-region price gaps that the sales sent show', async () => {
    const body = JSON.parse(readFileSync(packages['2025-12']!, 'utf8')).body as { sales: { ka: string; sku: string; region: string; minPriceE4: number | null; maxPriceE4: number | null }[] };
    const groups = new Map<string, { low: number; high: number; regions: Set<string> }>();
    for (const s of body.sales) {
      if (s.minPriceE4 === null || s.maxPriceE4 === null) continue;
      const g = groups.get(`${s.ka}|${s.sku}`) ?? { low: Infinity, high: -Infinity, regions: new Set<string>() };
      g.low = Math.min(g.low, s.minPriceE4);
      g.high = Math.max(g.high, s.maxPriceE4);
      g.regions.add(s.region);
      groups.set(`${s.ka}|${s.sku}`, g);
    }
    const expected = [...groups].filter(([, g]) => g.regions.size > 1 && (g.high - g.low) * 50 >= g.high).map(([k, g]) => `${k}|${g.low}|${g.high}`).sort();
    const watch = await channelWatchHq(hq, '2025-12', { limit: 10_000 });
    expect(watch.priceGaps.map((g) => `${g.ka}|${g.sku}|${g.low_e4}|${g.high_e4}`).sort()).toEqual(expected);
  });

  it('computes a national contract’s rebate on the chain’s whole base and allocates it back exactly', async () => {
    await saveNationalContract(hq, { code: 'NC-RTM', ka: 'RTM', name: '大润发全国联采', yearFrom: '2025-11', months: 12, mode: 'whole',
      tiers: [{ threshold: 0, rate: 10_000 }, { threshold: 100_000_000, rate: 20_000 }, { threshold: 500_000_000, rate: 25_000 }] }, await signInHq(hq, 'zhou', 'zhou-pass-1'));
    const r = (await nationalRebates(hq, '2025-12')).contracts[0]!;
    let base = 0;
    const perDistributor: number[] = [];
    await withBook((book) => {
      for (const code of ['D01', 'D02', 'D03', 'D04']) {
        const b = APPROVED_MONTHS.reduce((s, m) => s + (statementDocument(book, m, code).content.kaAccounts.find((k) => k.code === 'RTM')?.netSales ?? 0), 0);
        perDistributor.push(b);
        base += b;
      }
    });
    expect(r.baseFen).toBe(base);
    const rate = base >= 500_000_000 ? 25_000 : base >= 100_000_000 ? 20_000 : 10_000;
    expect(r.rebateFen).toBe(Math.floor((base * rate + 500_000) / 1_000_000));
    expect(r.allocation.map((a) => a.baseFen)).toEqual(perDistributor);
    expect(r.allocation.reduce((s, a) => s + a.rebateFen, 0)).toBe(r.rebateFen);
    for (const a of r.allocation) expect(Math.abs(a.rebateFen * base - r.rebateFen * a.baseFen)).toBeLessThan(base);
  });

  it('tells which distributors have not sent an approved month', async () => {
    const m = await missingMonths(hq, '2025-11', '2026-01');
    expect(m.distributors.map((d) => [d.distributor, d.missing])).toEqual([['D01', ['2026-01']], ['D02', ['2026-01']], ['D03', ['2026-01']], ['D04', ['2026-01']]]);
  });

  it('refuses tampered packages and writes nothing', async () => {
    const raw = readFileSync(packages['2025-12']!, 'utf8');
    const env = JSON.parse(raw);
    const before = await count('packages');
    const cases: [string, (e: any) => void, string][] = [
      ['statement', (e) => { e.body.statements[0].content.totals.netSales += 1; }, 'package.statement-hash'],
      ['figure', (e) => { e.body.claims[0].amountFen += 100; }, 'package.body-hash'],
      ['signature', (e) => { e.body.claims[0].amountFen += 100; e.bodySha256 = createHash('sha256').update(canonicalJson(e.body)).digest('hex'); }, 'package.bad-signature'],
    ];
    for (const [name, change, code] of cases) {
      const e = JSON.parse(raw);
      change(e);
      const file = join(dir, `tampered-${name}.package`);
      writeFileSync(file, JSON.stringify(e));
      const [out] = await loadPackages(hq, [file], chen);
      expect(out!.status, name).toBe('refused');
      expect(out!.status === 'refused' && out!.problems.map((p) => p.code), name).toContain(code);
    }
    // Signed by a key nobody registered, though well formed in every other way.
    const stranger = generateKeyPairSync('ed25519');
    const pem = stranger.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const strangerId = keyIdOf(stranger.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const forged = signBody({ ...env.body, sender: { ...env.body.sender, keyId: strangerId } }, pem, strangerId);
    writeFileSync(join(dir, 'forged.package'), JSON.stringify(forged));
    const [out] = await loadPackages(hq, [join(dir, 'forged.package')], chen);
    expect(out!.status === 'refused' && out!.problems.map((p) => p.code)).toEqual(['package.unknown-key']);
    expect(await count('packages')).toBe(before);
  });

  it('takes a reopened and re-approved month as a new edition that supersedes the old', async () => {
    const edition2 = join(dir, '2025-12-e2.package');
    await withBook((book) => {
      const p = bookPeople(book);
      reopenPeriod(book, '2025-12', p.admin, 'a late receipt to book');
      prepareAccepting(book, '2025-12', p.wang);
      reviewPeriod(book, '2025-12', p.li);
      approvePeriod(book, '2025-12', p.zhao);
      writeFileSync(edition2, JSON.stringify(buildPackage(book, '2025-12', 'wang')));
    });
    const [loaded] = await loadPackages(hq, [edition2], chen);
    expect(loaded).toMatchObject({ status: 'loaded', edition: 2, supersedes: 1 });
    const [older] = await loadPackages(hq, [packages['2025-12']!], chen);
    expect(older).toMatchObject({ status: 'older-edition', current: 2 });
    const rows = await hq.query<{ edition: number; current: boolean }>("SELECT edition, current FROM packages WHERE period = '2025-12' ORDER BY edition");
    expect(rows).toEqual([{ edition: 1, current: false }, { edition: 2, current: true }]);
    const held = await hq.query<{ version: number }>("SELECT version FROM statements WHERE period = '2025-12'");
    expect(held.map((s) => s.version)).toEqual([2, 2, 2, 2]);
    // The monthly product totals, kept by each load and taken back with the old edition, are those of the figures now held.
    const kept = await hq.query("SELECT period, ka, sku, qty_milli, sales_fen, returns_fen, fees_fen, store_months, distributors FROM product_months WHERE distributors > 0 ORDER BY 1, 2, 3");
    const summed = await hq.query(`SELECT period, ka, sku, sum(qty_milli)::bigint AS qty_milli, sum(sales_fen)::bigint AS sales_fen, sum(returns_fen)::bigint AS returns_fen, sum(fees_fen)::bigint AS fees_fen,
      sum(stores)::int AS store_months, count(DISTINCT distributor_id)::int AS distributors FROM product_figures GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(summed);
    packages['2025-12'] = edition2;
  });

  it('sums a month’s product totals again when a load stopped before it did, before a view reads them', async () => {
    expect(await count('product_months_marked')).toBe(0);
    const audit = async () => (await marketingAudit(hq, { from: '2025-11', to: '2025-12', by: 'product', limit: 5000 })).rows;
    const before = await audit();
    // As a load that wrote its figures and stopped: the month marked, its totals not yet summed.
    await hq.query("DELETE FROM product_months WHERE period = '2025-12'");
    await hq.query("INSERT INTO product_months_marked (period, loads) VALUES ('2025-12', 1)");
    expect(await audit()).toEqual(before);
    expect(await count('product_months_marked')).toBe(0);
  });

  it.runIf(backend === 'postgres')('sums a month only after the loads that marked it have committed', async () => {
    const second = await openHq(target);
    let commit!: () => void;
    const committed = new Promise<void>((r) => { commit = r; });
    try {
      const total = async () => Number((await hq.query<{ s: string }>("SELECT sum(sales_fen)::text AS s FROM product_months WHERE period = '2025-12'"))[0]!.s);
      const before = await total();
      const [f] = await hq.query<{ package_id: number; distributor_id: number }>("SELECT package_id, distributor_id FROM product_figures WHERE period = '2025-12' LIMIT 1");
      // One load of the month has committed (its mark stands); another, on the second connection, has written a
      // figure and holds the mark, not yet committed.
      await hq.query("INSERT INTO product_months_marked (period, loads) VALUES ('2025-12', 1)");
      const loading = second.transaction(async (tx) => {
        await tx.query(`INSERT INTO product_figures (package_id, distributor_id, period, ka, sku, product_name, region, qty_milli, sales_fen, returns_fen, fees_fen, stores)
          VALUES ($1, $2, '2025-12', 'ZZZ', 'SKU-LATE', '迟到的商品', '华东', 1000, 777, 0, 0, 1)`, [f!.package_id, f!.distributor_id]);
        await tx.query("INSERT INTO product_months_marked (period, loads) VALUES ('2025-12', 1) ON CONFLICT (period) DO UPDATE SET loads = product_months_marked.loads + 1");
        await committed;
      });
      await new Promise((r) => setTimeout(r, 100));
      let refreshed = false;
      const refreshing = refreshMarkedMonths(hq).then((m) => { refreshed = true; return m; });
      await new Promise((r) => setTimeout(r, 300));
      expect(refreshed).toBe(false); // waiting for the load's mark
      commit();
      await loading;
      expect(await refreshing).toEqual(['2025-12']);
      expect(await total()).toBe(before + 777);
      await hq.query("DELETE FROM product_figures WHERE sku = 'SKU-LATE'");
      await hq.query("INSERT INTO product_months_marked (period, loads) VALUES ('2025-12', 1)");
      expect(await refreshMarkedMonths(hq)).toEqual(['2025-12']);
      expect(await total()).toBe(before);
    } finally {
      commit();
      await second.close();
    }
  });

  it('decides claims with four eyes, and tells the second of two controllers the claim was already decided', async () => {
    const queue = await claimsQueue(hq, {});
    const bookClaims = await withBook((book) => listClaims(book, null, 1000, 0).filter((c) => c.period <= '2025-12' && ['draft', 'submitted'].includes(c.status)));
    expect(queue.total).toBe(bookClaims.length);
    const [a, b, c, d] = queue.rows;
    const proposed = await proposeClaims(hq, [a!.id, b!.id, c!.id], 'approve', '合同内费用', chen);
    expect(proposed.done.length).toBe(3);
    const twice = await proposeClaims(hq, [a!.id], 'reject', '重复', sun);
    expect(twice.refused.map((r) => r.reason.code)).toEqual(['hq.claim-already-decided']);
    const own = await confirmClaims(hq, [a!.id], chen);
    expect(own.refused.map((r) => r.reason.code)).toEqual(['hq.same-controller']);
    await expect(proposeClaims(hq, [d!.id], 'reject', ' ', sun)).rejects.toMatchObject({ code: 'hq.reason-needed' });
    await proposeClaims(hq, [d!.id], 'reject', '超出合同范围', sun);
    expect((await confirmClaims(hq, [a!.id, b!.id, c!.id], sun)).done.length).toBe(3);
    expect((await confirmClaims(hq, [d!.id], chen)).done.length).toBe(1);
    const back = await sendBackClaims(hq, [a!.id], '再核', chen);
    expect(back.refused.length).toBe(1);
  });

  it.runIf(backend === 'postgres')('lets only one of two controllers on two connections decide the same claim at once', async () => {
    const second = await openHq(target);
    try {
      const [claim] = (await claimsQueue(hq, { states: ['pending'] })).rows;
      const results = await Promise.all([proposeClaims(hq, [claim!.id], 'approve', 'ok', chen), proposeClaims(second, [claim!.id], 'reject', 'no', sun)]);
      expect(results.map((r) => r.done.length).sort()).toEqual([0, 1]);
      const loser = results.find((r) => r.done.length === 0)!;
      expect(loser.refused[0]!.reason.code).toBe('hq.claim-already-decided');
      const [row] = await hq.query<{ state: string; proposed_by: string }>('SELECT state, proposed_by FROM claims WHERE id = $1', [claim!.id]);
      expect(row!.state).toBe('proposed');
      expect(results[row!.proposed_by === 'chen' ? 0 : 1]!.done.length).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('writes a credits file the book imports, clearing exactly the approved claims', async () => {
    const approved = (await claimsQueue(hq, { states: ['approved'] })).rows;
    const rejected = (await claimsQueue(hq, { states: ['rejected'] })).rows;
    expect(approved.length).toBe(3);
    const out = join(dir, 'credits');
    mkdirSync(out);
    const files = await writeCreditsFiles(hq, { folder: out, date: '2026-01-15', user: chen });
    expect(files.reduce((s, f) => s + f.claims, 0)).toBe(3);
    expect(await writeCreditsFiles(hq, { folder: out, date: '2026-01-15', user: chen })).toEqual([]);
    const before = await withBook((book) => new Map(listClaims(book, null, 1000, 0).map((c) => [c.doc_no, c])));
    await withBook(async (book) => {
      for (const f of readdirSync(out)) {
        const report = await importFile(book, join(out, f), { kind: 'manufacturer-credits', actor: 'wang' });
        expect(report.errors).toEqual([]);
        expect(report.committed).toBe(true);
      }
      const after = listClaims(book, null, 1000, 0);
      const paid = new Set(approved.map((c) => c.doc_no));
      for (const c of after) {
        if (paid.has(c.doc_no)) expect([c.status, c.open_fen], c.doc_no).toEqual(['written_off', 0]);
        else expect([c.status, c.open_fen], c.doc_no).toEqual([before.get(c.doc_no)!.status, before.get(c.doc_no)!.open_fen]);
      }
      expect(rejected.every((r) => after.find((c) => c.doc_no === r.doc_no)!.status !== 'written_off')).toBe(true);
    });
    expect((await claimsQueue(hq, { states: ['credited'] })).rows.map((c) => c.doc_no).sort()).toEqual(approved.map((c) => c.doc_no).sort());
  });

  it('takes corrections of a packaged month through the next month’s package: a reversed receipt and a withdrawn claim', async () => {
    // Reversals (冲销) of November, already packaged, are booked into January; January's package carries them.
    const pending = (await claimsQueue(hq, { states: ['pending'] })).rows.find((c) => c.period <= '2025-12')!;
    const january = join(dir, '2026-01.package');
    const reversed = await withBook((book) => {
      const receipt = book.db.prepare(`SELECT d.id, d.doc_no, d.total_fen, s.store_code, di.code AS distributor FROM documents d JOIN stores s ON s.id = d.store_id
        JOIN distributors di ON di.id = s.distributor_id WHERE d.kind = 'receipt' AND d.period = '2025-11' AND d.total_fen > 0 ORDER BY d.id LIMIT 1`).get() as
        { id: number; doc_no: string; total_fen: number; store_code: string; distributor: string };
      const claim = listClaims(book, null, 1000, 0).find((c) => c.doc_no === pending.doc_no)!;
      const r1 = reverseDocument(book, receipt.id, { actor: 'wang', reason: '门店验收单重复', today: '2026-01-20' });
      const r2 = reverseDocument(book, claim.id, { actor: 'wang', reason: '厂家不认可，撤回申请', today: '2026-01-20' });
      expect([r1.closedPeriod, r2.closedPeriod, r1.date.slice(0, 7)]).toEqual(['2025-11', claim.period, '2026-01']);
      const p = bookPeople(book);
      prepareAccepting(book, '2026-01', p.wang);
      reviewPeriod(book, '2026-01', p.li);
      approvePeriod(book, '2026-01', p.zhao);
      writeFileSync(january, JSON.stringify(buildPackage(book, '2026-01', 'wang')));
      return { receipt, claim };
    });
    const [loaded] = await loadPackages(hq, [january], chen);
    expect(loaded).toMatchObject({ status: 'loaded', period: '2026-01' });
    // The claim leaves the queue as withdrawn; no credits file can pay it.
    const [row] = await hq.query<{ state: string; open_fen: number }>('SELECT state, open_fen FROM claims WHERE doc_no = $1', [pending.doc_no]);
    expect(row).toEqual({ state: 'withdrawn', open_fen: 0 });
    const none = join(dir, 'credits-after-reversal');
    mkdirSync(none);
    expect((await writeCreditsFiles(hq, { folder: none, date: '2026-02-01', user: chen })).some((f) => f.claims > 0)).toBe(false);
    // January's statements at the head office are the book's, corrections section included; sales over the three
    // months per chain add up to the three months' statements, the red receipt taken off in January.
    await withBook(async (book) => {
      const doc = statementDocument(book, '2026-01', reversed.receipt.distributor);
      const corrections = (doc.content as { corrections?: { docNo: string; closedPeriod: boolean; reversedAmount: number }[] }).corrections ?? [];
      expect(corrections.find((c) => c.docNo === reversed.receipt.doc_no)).toMatchObject({ closedPeriod: true, reversedAmount: -reversed.receipt.total_fen });
      const [d] = await hq.query<{ id: number }>('SELECT id FROM distributors WHERE code = $1', [reversed.receipt.distributor]);
      const held = (await statementOf(hq, d!.id, '2026-01'))!;
      expect(held.sha256).toBe(doc.sha256);
      expect(held.summary).toMatchObject({ corrections: JSON.parse(JSON.stringify(corrections)) });
      const expected = new Map<string, number>();
      for (const period of [...APPROVED_MONTHS, '2026-01']) for (const code of ['D01', 'D02', 'D03', 'D04']) {
        for (const k of statementDocument(book, period, code).content.kaAccounts) expected.set(k.code, (expected.get(k.code) ?? 0) + k.netSales);
      }
      const byKa = await marketingAudit(hq, { from: '2025-11', to: '2026-01', by: 'ka' });
      expect(Object.fromEntries(byKa.rows.map((r) => [r.ka, r.net_sales_fen]))).toEqual(Object.fromEntries(expected));
      // The store's January sales at the head office are its January receipts in the book, the red one among them.
      const storeJanuary = (book.db.prepare(`SELECT coalesce(sum(l.amount_fen), 0) AS fen FROM documents d JOIN document_lines l ON l.document_id = d.id
        JOIN stores s ON s.id = coalesce(l.store_id, d.store_id) WHERE d.kind = 'receipt' AND d.period = '2026-01' AND s.store_code = ?`).get(reversed.receipt.store_code) as { fen: number }).fen;
      const stores = await marketingAudit(hq, { from: '2026-01', to: '2026-01', by: 'store', limit: 5000 });
      const store = stores.rows.find((r) => (r as { store?: string }).store === reversed.receipt.store_code) as { sales_fen?: number } | undefined;
      expect(store?.sales_fen).toBe(storeJanuary);
    });
  });

  it('sets a red claim off in the credits file: the book clears what remains approved, to the fen', async () => {
    // A deduction of November, booked into a claim still pending at the head office, is reversed in February
    // (the first open month) after February's own claims were made: the next run books it back as a red claim alone.
    const pending = (await claimsQueue(hq, { states: ['pending'] })).rows.filter((c) => c.period <= '2025-12');
    const february = join(dir, '2026-02.package');
    const picked = await withBook((book) => {
      reconcilePeriod(book, { period: '2026-02', actor: 'wang' });
      for (const c of pending) {
        const claim = listClaims(book, null, 1000, 0).find((x) => x.doc_no === c.doc_no)!;
        // A deduction wholly booked into this claim; its manufacturer share is what the red claim takes back.
        const d = book.db.prepare(`SELECT d.id, d.doc_no, sum(p.manufacturer_fen) AS share FROM documents d JOIN document_lines l ON l.document_id = d.id
          JOIN deduction_postings p ON p.deduction_line_id = l.id WHERE d.kind = 'deduction' GROUP BY d.id
          HAVING min(p.claim_document_id) = ? AND max(p.claim_document_id) = ? AND count(*) = (SELECT count(*) FROM document_lines x WHERE x.document_id = d.id)
            AND sum(p.manufacturer_fen) > 0 AND sum(p.manufacturer_fen) < ? ORDER BY d.id LIMIT 1`).get(claim.id, claim.id, claim.open_fen) as { id: number; doc_no: string; share: number } | undefined;
        if (d) return { claim, deduction: d };
      }
      throw new Error('no pending claim with a deduction of its own to reverse');
    });
    const redClaim = await withBook((book) => {
      reverseDocument(book, picked.deduction.id, { actor: 'wang', reason: '门店撤销该费用', today: '2026-02-10' });
      const before = new Set(listClaims(book, null, 1000, 0).map((c) => c.doc_no));
      const p = bookPeople(book);
      prepareAccepting(book, '2026-02', p.wang);
      reviewPeriod(book, '2026-02', p.li);
      approvePeriod(book, '2026-02', p.zhao);
      writeFileSync(february, JSON.stringify(buildPackage(book, '2026-02', 'wang')));
      const red = listClaims(book, null, 1000, 0).filter((c) => !before.has(c.doc_no));
      expect(red.map((c) => [c.amount_fen, c.distributor])).toEqual([[-picked.deduction.share, picked.claim.distributor]]);
      return red[0]!;
    });
    expect((await loadPackages(hq, [february], chen))[0]).toMatchObject({ status: 'loaded', period: '2026-02' });
    const queue = (await claimsQueue(hq, { states: ['pending'] })).rows;
    const original = queue.find((c) => c.doc_no === picked.claim.doc_no)!;
    const red = queue.find((c) => c.doc_no === redClaim.doc_no)!;
    expect([original.open_fen, red.open_fen]).toEqual([picked.claim.open_fen, -picked.deduction.share]);

    // Approved alone, the red claim has nothing to be set off against: no file, and it waits approved.
    await proposeClaims(hq, [red.id], 'approve', '门店撤销费用，冲回厂家承担部分', chen);
    await confirmClaims(hq, [red.id], sun);
    const out = join(dir, 'credits-netted');
    mkdirSync(out);
    expect((await writeCreditsFiles(hq, { folder: out, date: '2026-03-02', distributorId: red.distributor_id, user: chen }))).toEqual([]);
    expect((await hq.query<{ state: string }>('SELECT state FROM claims WHERE id = $1', [red.id]))[0]!.state).toBe('approved');

    await proposeClaims(hq, [original.id], 'approve', '合同内费用', chen);
    await confirmClaims(hq, [original.id], sun);
    const files = await writeCreditsFiles(hq, { folder: out, date: '2026-03-02', distributorId: red.distributor_id, user: chen });
    const net = picked.claim.open_fen - picked.deduction.share;
    expect(files.map((f) => [f.claims, f.amountFen])).toEqual([[2, net]]);
    // The file's lines: the claim paid in full, the red claim as a negative credit naming it; together the net.
    const lines = readFileSync(files[0]!.path, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n').slice(1).map((l) => l.split(','));
    const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;
    expect(lines.map((l) => [l[6], l[7]]).sort()).toEqual([[picked.claim.doc_no, yuan(picked.claim.open_fen)], [redClaim.doc_no, yuan(-picked.deduction.share)]].sort());

    await withBook(async (book) => {
      const owed = (ids: number[]) => (book.db.prepare(`SELECT coalesce(sum(o.amount_fen + coalesce((SELECT sum(p.amount_fen) FROM clearing_parts p WHERE p.open_item_id = o.id), 0)), 0) AS fen
        FROM open_items o WHERE o.account = 'claims_manufacturer' AND o.document_id IN (${ids.map(() => '?').join(',')})`).get(...ids) as { fen: number }).fen;
      const others = new Map(listClaims(book, null, 1000, 0).filter((c) => c.id !== picked.claim.id && c.id !== redClaim.id).map((c) => [c.doc_no, [c.status, c.open_fen]]));
      const bank = () => (book.db.prepare(`SELECT coalesce(sum(e.amount_fen), 0) AS fen FROM entries e WHERE e.account = 'bank'`).get() as { fen: number }).fen;
      const bankBefore = bank();
      const report = await importFile(book, files[0]!.path, { kind: 'manufacturer-credits', actor: 'wang' });
      expect(report.errors).toEqual([]);
      expect(report.committed).toBe(true);
      const after = listClaims(book, null, 1000, 0);
      expect([picked.claim.id, redClaim.id].map((id) => { const c = after.find((x) => x.id === id)!; return [c.status, c.open_fen]; })).toEqual([['written_off', 0], ['written_off', 0]]);
      expect(owed([picked.claim.id, redClaim.id])).toBe(0);
      // What the bank received is the net the file says; no other claim moved.
      expect(bank() - bankBefore).toBe(net);
      expect(new Map(after.filter((c) => c.id !== picked.claim.id && c.id !== redClaim.id).map((c) => [c.doc_no, [c.status, c.open_fen]]))).toEqual(others);
    });
    expect((await hq.query<{ doc_no: string; state: string }>('SELECT doc_no, state FROM claims WHERE id = ANY($1) ORDER BY doc_no', [[original.id, red.id]])).map((c) => c.state)).toEqual(['credited', 'credited']);
  });

  it('keeps its audit log hash-chained, and the log refuses to be changed', async () => {
    const chain = await verifyHqAudit(hq);
    expect(chain.ok).toBe(true);
    expect(chain.rows).toBeGreaterThan(10);
    await expect(hq.query("UPDATE hq_audit SET actor = 'x' WHERE seq = 1")).rejects.toThrow(/immutable/);
  });
});
