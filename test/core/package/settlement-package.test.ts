import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExistingBook } from '../../../core/book/open-book.js';
import { inCanonicalOrder, sha256Hex } from '../../../core/canonical-json.js';
import { UserError } from '../../../core/errors.js';
import { buildPackage, signBody } from '../../../core/package/build-package.js';
import { publicKeyFile } from '../../../core/package/signing-key.js';
import { verifyPackage, verifyPackageWithBook } from '../../../core/package/verify-package.js';
import { statementDocument } from '../../../core/statement/statement-service.js';
import type { Book } from '../../../db/connection.js';
import { listClaims } from '../../../db/queries/claims.js';
import { currentSigningKey } from '../../../db/queries/package-data.js';
import { searchAudit } from '../../../db/queries/audit.js';
import { approvedDemoCopy } from '../../helpers/approved-demo.js';

const BIN = fileURLToPath(new URL('../../../bin/ka-settle.js', import.meta.url));
const ka = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, KA_SETTLE_USER: 'wang', KA_SETTLE_LANG: 'zh', KA_SETTLE_PASSWORD: 'wang-pass-1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

let dir: string;
let book: Book;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-package-'));
  book = await openExistingBook(await approvedDemoCopy(dir));
}, 300_000);
afterAll(() => {
  book?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the settlement package of an approved month', () => {
  it('is refused for a month that is not approved', () => {
    const e = (() => { try { buildPackage(book, '2026-01', 'wang'); } catch (x) { return x; } })() as UserError;
    expect(e).toBeInstanceOf(UserError);
    expect(e.code).toBe('package.not-approved');
    expect(e.describe('zh')).toContain('只有审批结账后的月份');
  });

  it('carries every distributor’s approved statement with its sign-offs and the detail behind it', () => {
    const env = buildPackage(book, '2025-11', 'wang');
    expect(env.body.edition).toBe(1);
    expect(env.body.statements.map((s) => s.distributor.code)).toEqual(['D01', 'D02', 'D03', 'D04']);
    for (const s of env.body.statements) {
      const doc = statementDocument(book, '2025-11', s.distributor.code);
      expect([s.sha256, s.version, s.status]).toEqual([doc.sha256, doc.version, 'approved']);
      expect(s.content).toEqual(JSON.parse(JSON.stringify(doc.content)));
      expect([s.signOffs.preparedBy, s.signOffs.reviewedBy, s.signOffs.approvedBy]).toEqual(['wang', 'li', 'zhao']);
      // The sales sent add up to what the statement says the stores accepted and returned.
      const sales = env.body.sales.filter((x) => x.distributor === s.distributor.code);
      expect(sales.reduce((t, x) => t + x.amountFen, 0)).toBe(doc.content.totals.accepted);
      expect(sales.reduce((t, x) => t + x.returnsFen, 0)).toBe(doc.content.totals.returns);
      expect(env.body.deductions.filter((x) => x.distributor === s.distributor.code).length).toBe(doc.content.details.deductions.length);
    }
    const claims = listClaims(book, null, 10_000, 0).filter((c) => c.period <= '2025-11');
    expect(env.body.claims.map((c) => c.docNo).sort()).toEqual(claims.map((c) => c.doc_no).sort());
    expect(env.body.auditHead.rows).toBeGreaterThan(0);
    expect(verifyPackageWithBook(book, JSON.parse(JSON.stringify(env))).ok).toBe(true);
  });

  it('is signed by one key, made once and audited once', () => {
    const first = buildPackage(book, '2025-12', 'wang');
    const again = buildPackage(book, '2025-12', 'wang');
    expect(first.signature.keyId).toBe(again.signature.keyId);
    expect(first.signature.keyId).toBe(currentSigningKey(book)!.key_id);
    expect(publicKeyFile(book, 'wang').keyId).toBe(first.signature.keyId);
    expect(searchAudit(book, { entity: 'signing_key', actor: null, action: null }, 10, 0).total).toBe(1);
    expect(searchAudit(book, { entity: 'period', actor: null, action: 'package' }, 10, 0).total).toBeGreaterThanOrEqual(3);
  });

  it('does not verify once changed, nor against another key, nor as another version of this book', () => {
    const env = JSON.parse(JSON.stringify(buildPackage(book, '2025-12', 'wang')));
    const key = publicKeyFile(book, 'wang');
    expect(verifyPackage(env, () => key.publicKey).ok).toBe(true);
    env.body.openItems[0].openFen += 1;
    const changed = verifyPackage(env, () => key.publicKey);
    expect(changed.ok === false && changed.problems.map((p) => p.code)).toEqual(['package.body-hash', 'package.open-items-differ', 'package.bad-signature']);
    expect(verifyPackage(JSON.parse(JSON.stringify(buildPackage(book, '2025-12', 'wang'))), () => undefined)).toMatchObject({ ok: false, problems: [{ code: 'package.unknown-key' }] });
    // Re-signed with the book's own key but claiming a statement version the book never froze.
    const k = currentSigningKey(book)!;
    const body = JSON.parse(JSON.stringify(buildPackage(book, '2025-12', 'wang').body));
    body.statements[0].version = 99;
    expect(verifyPackageWithBook(book, JSON.parse(JSON.stringify(signBody(body, k.private_pem, k.key_id))))).toMatchObject({ ok: false, problems: [{ code: 'package.not-this-book', params: { distributor: 'D01', version: 99 } }] });
  });

  it('is written with its body in canonical order, and verifies the same whatever order a file gives the keys', () => {
    const env = JSON.parse(JSON.stringify(buildPackage(book, '2025-12', 'wang')));
    const key = publicKeyFile(book, 'wang');
    // Parsed back, the body is already canonical: the head office hashes it as it stands, without a sorted copy.
    expect(inCanonicalOrder(env.body)).toBe(true);
    expect(sha256Hex(JSON.stringify(env.body))).toBe(env.bodySha256);
    // The same body with every object's keys reversed (as another writer might send it) still verifies, by the sorted copy.
    const reversed = (v: unknown): unknown => Array.isArray(v) ? v.map(reversed)
      : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).reverse().map((k) => [k, reversed((v as Record<string, unknown>)[k])])) : v;
    const shuffled = { ...env, body: reversed(env.body) };
    expect(inCanonicalOrder(shuffled.body)).toBe(false);
    expect(verifyPackage(shuffled, () => key.publicKey).ok).toBe(true);
    shuffled.body.statements[0].content.totals.netSales += 1;
    expect(verifyPackage(shuffled, () => key.publicKey)).toMatchObject({ ok: false, problems: [{ code: 'package.body-hash' }, { code: 'package.statement-hash' }, { code: 'package.bad-signature' }] });
  });

  it('is written and verified by the command, in Chinese; a changed file fails with its name', () => {
    book.close();
    const path = join(dir, 'demo.kasettle');
    const out = join(dir, '2025-11.package.gz');
    const made = ka('package', path, '--period', '2025-11', '--out', out, '--user', 'wang');
    expect(made.code, made.err).toBe(0);
    expect(made.out).toContain('已生成 2025-11 结算包');
    const body = JSON.parse(gunzipSync(readFileSync(out)).toString('utf8'));
    expect(body.body.period).toBe('2025-11');
    expect(ka('package', path, '--verify', out)).toMatchObject({ code: 0 });
    body.body.statements[1].content.netDue.fromManufacturer += 100;
    writeFileSync(join(dir, 'bad.package'), JSON.stringify(body));
    const bad = ka('package', path, '--verify', join(dir, 'bad.package'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('bad.package');
    expect(bad.err).toContain('D02');
    expect(ka('package', path, '--period', '2025-11')).toMatchObject({ code: 2 });
  });

  it('holds the book to the sign-off heads it carries: check --against FILE.package', () => {
    const path = join(dir, 'demo.kasettle');
    const out = join(dir, '2025-11-against.package.gz');
    expect(ka('package', path, '--period', '2025-11', '--out', out, '--user', 'wang').code).toBe(0);
    const envelope = JSON.parse(gunzipSync(readFileSync(out)).toString('utf8'));
    // The three sign-offs of the month, each with the chain's head its signer saw.
    expect(envelope.body.signOffHeads.map((h: { step: string }) => h.step)).toEqual(['prepare', 'review', 'approve']);
    const agrees = ka('check', path, '--against', out);
    expect(agrees.code, agrees.out + agrees.err).toBe(0);
    // A head that is not the book's row of that number (as after a rewrite of the log before the sign-off) shows.
    envelope.body.signOffHeads[1].hash = 'f'.repeat(64);
    const other = join(dir, 'other-head.package');
    writeFileSync(other, JSON.stringify(envelope));
    const differs = ka('check', path, '--against', other);
    expect(differs.code).toBe(1);
    expect(differs.out + differs.err).toContain(`第 ${envelope.body.signOffHeads[1].rows} 行`);
  });
});
