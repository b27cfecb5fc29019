import { signOffHeads } from '../close/sign-offs.js';
import { sign } from 'node:crypto';
import type { Book } from '../../db/connection.js';
import { bookInfo } from '../../db/queries/book-info.js';
import { confirmationsOf, liveStatements } from '../../db/queries/close.js';
import { getPeriod } from '../../db/queries/periods.js';
import {
  accrualDocuments, approvalsOfPeriod, auditHead, claimsWithEvidence, deductionVerdicts, distributorsWithRegion, insertPackageRecord,
  lastReconSummary, openItemsAt, salesByStoreProduct,
} from '../../db/queries/package-data.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { assertPeriod, lastDayOf } from '../calendar/dates.js';
import { sha256Hex, sortKeys } from '../canonical-json.js';
import { UserError } from '../errors.js';
import { PACKAGE_FORMAT, type PackageBody, type PackageEnvelope } from './package-format.js';
import { ensureSigningKey } from './signing-key.js';

/** The audit chain's head the package carries: taken when the package is written (see verify-package.ts). */
function chainHead(book: Book): PackageBody['auditHead'] {
  const head = auditHead(book);
  return { rows: head.rows, hash: head.hash, takenAt: 'package' };
}

/** The body of the package of an approved month: everything the head office needs, nothing that is not the book's. */
export function packageBody(book: Book, periodText: string, keyId: string): PackageBody {
  const period = assertPeriod(periodText, { field: '--period' });
  const status = getPeriod(book, period)?.status ?? 'open';
  if (status !== 'closed') throw new UserError('package.not-approved', { period, status }, { field: '--period' });
  const approved = liveStatements(book, period).filter((s) => s.status === 'approved');
  if (!approved.length) throw new UserError('package.no-statements', { period }, { field: '--period' });
  const distributors = new Map(distributorsWithRegion(book).map((d) => [d.id, d]));
  const asOf = lastDayOf(period);
  const info = bookInfo(book);
  const first = distributors.get(approved[0]!.distributor_id)!;
  const body: PackageBody = {
    format: PACKAGE_FORMAT, formatVersion: 1,
    sender: { bookId: info.id ?? '', book: info.name ?? '', keyId },
    period, edition: approvalsOfPeriod(book, period),
    manufacturer: { code: first.manufacturer_code, name: first.manufacturer_name },
    statements: [], openItems: [], deductions: [], claims: [], accruals: [], sales: [],
    reconciliation: JSON.parse(lastReconSummary(book, period) ?? 'null') as unknown,
    auditHead: chainHead(book),
    signOffHeads: signOffHeads(book, period).map((h) => ({ step: h.step, user: h.user, rows: h.chain.rows, hash: h.chain.hash })),
  };
  for (const s of approved) {
    const d = distributors.get(s.distributor_id)!;
    const distributor = d.code;
    body.statements.push({
      distributor: { code: d.code, name: d.name, region: d.region }, version: s.version, sha256: s.sha256, status: s.status,
      content: JSON.parse(s.content_json) as Record<string, unknown>,
      signOffs: { preparedBy: s.prepared_by, preparedAt: s.prepared_at, reviewedBy: s.reviewed_by, reviewedAt: s.reviewed_at, approvedBy: s.approved_by, approvedAt: s.approved_at },
      confirmations: confirmationsOf(book, s.id).map((c) => ({ party: c.party, ka: c.ka, result: c.result, reasons: c.reasons, recordedBy: c.recorded_by, recordedAt: c.recorded_at })),
    });
    for (const o of openItemsAt(book, d.id, asOf)) {
      body.openItems.push({ distributor, account: o.account, kind: o.kind, docNo: o.doc_no, docDate: o.doc_date, dueDate: o.due_date, ka: o.ka, store: o.store, amountFen: o.amount_fen, openFen: o.open_fen });
    }
    for (const x of deductionVerdicts(book, d.id, period)) {
      body.deductions.push({ distributor, docNo: x.doc_no, docDate: x.doc_date, ka: x.ka, store: x.store, wording: x.wording, feeType: x.fee_type, method: x.method,
        amountFen: x.amount_fen, manufacturerFen: x.manufacturer_fen, distributorFen: x.distributor_fen, verdict: x.verdict, disputed: x.disputed === 1, reason: x.reason });
    }
    for (const c of claimsWithEvidence(book, d.id, period, asOf)) {
      body.claims.push({ distributor, docNo: c.doc_no, docDate: c.doc_date, period: c.period, ka: c.ka, status: c.status, amountFen: c.amount_fen, openFen: c.open_fen, lines: c.lines, evidence: JSON.parse(c.evidence_json) as unknown,
        ...(c.reversal_no ? { withdrawnBy: { docNo: c.reversal_no, date: c.reversal_date! } } : {}) });
    }
    for (const a of accrualDocuments(book, d.id, period)) {
      body.accruals.push({ distributor, kind: a.kind, docNo: a.doc_no, docDate: a.doc_date, ka: a.ka, memo: a.memo, amountFen: a.amount_fen });
    }
    for (const r of salesByStoreProduct(book, d.id, period)) {
      body.sales.push({ distributor, ka: r.ka, store: r.store, storeName: r.store_name, region: r.region, city: r.city, sku: r.sku, productName: r.product_name,
        qtyMilli: r.qty_milli, amountFen: r.amount_fen, returnsFen: r.returns_fen, minPriceE4: r.min_price_e4, maxPriceE4: r.max_price_e4 });
    }
  }
  return body;
}

/** Signs a body with an Ed25519 private key: the signature covers the body's canonical JSON, byte for byte. */
export function signBody(body: PackageBody, privatePem: string, keyId: string): PackageEnvelope {
  // The envelope carries the body in canonical key order, so the file it is written to parses back in that order
  // and the head office hashes what it parsed as it stands (core/canonical-json.ts, inCanonicalOrder).
  const sorted = sortKeys(body) as PackageBody;
  const text = JSON.stringify(sorted);
  return {
    format: PACKAGE_FORMAT, formatVersion: 1, bodySha256: sha256Hex(text),
    signature: { algorithm: 'ed25519', keyId, value: sign(null, Buffer.from(text, 'utf8'), privatePem).toString('base64') },
    body: sorted,
  };
}

/**
 * 结算包: the signed package of an approved month (DESIGN.md §6), recorded and audited in the book. The key is made
 * on first use. A reopened and re-approved month gives the next edition, which supersedes the earlier one at the
 * head office.
 */
export function buildPackage(book: Book, period: string, actor: string): PackageEnvelope {
  const key = ensureSigningKey(book, actor);
  const envelope = signBody(packageBody(book, period, key.key_id), key.private_pem, key.key_id);
  book.write(() => {
    insertPackageRecord(book, { period: envelope.body.period, edition: envelope.body.edition, body_sha256: envelope.bodySha256, key_id: key.key_id, written_by: actor });
    new AuditWriter(book).append({ actor, action: 'package', entity: 'period', entityKey: envelope.body.period,
      after: { edition: envelope.body.edition, sha256: envelope.bodySha256, statements: envelope.body.statements.map((s) => ({ distributor: s.distributor.code, version: s.version, sha256: s.sha256 })) } });
  });
  return envelope;
}
