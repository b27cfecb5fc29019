import { z } from 'zod';
import { SIGN_OFF_STEPS } from '../../vocabulary/index.js';

/**
 * The settlement package (结算包) a book sends the manufacturer's head office for an approved month: the approved
 * statements with their sign-offs, and the detail behind them. `body` is signed; the envelope carries the body's
 * SHA-256 and the Ed25519 signature over its canonical JSON. Money in fen, prices in 1/10,000 yuan, quantities in
 * thousandths. Read with zod at the boundary: a file that does not have this shape is refused before anything else.
 */
export const PACKAGE_FORMAT = 'ka-settle/settlement-package';

const fen = z.number().int();
const text = z.string();
const maybe = z.string().nullable();
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

const signOffs = z.object({
  preparedBy: text, preparedAt: text, reviewedBy: maybe, reviewedAt: maybe, approvedBy: maybe, approvedAt: maybe,
});

export const packageStatement = z.object({
  distributor: z.object({ code: text, name: text, region: maybe }),
  version: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  status: text,
  /** the statement exactly as the book froze it: its SHA-256 is `sha256` */
  content: z.record(z.string(), z.unknown()),
  signOffs,
  confirmations: z.array(z.object({ party: text, ka: maybe, result: text, reasons: maybe, recordedBy: text, recordedAt: text })),
});

const perDistributor = { distributor: text };
export const packageBody = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(1),
  sender: z.object({ bookId: text, book: text, keyId: z.string().regex(/^[0-9a-f]{64}$/) }),
  period,
  /** the how-many-th approval of the month: a reopened and re-approved month sends a higher edition */
  edition: z.number().int().positive(),
  manufacturer: z.object({ code: text, name: text }),
  statements: z.array(packageStatement).min(1),
  openItems: z.array(z.object({ ...perDistributor, account: text, kind: text, docNo: text, docDate: text, dueDate: maybe, ka: maybe, store: maybe, amountFen: fen, openFen: fen })),
  deductions: z.array(z.object({ ...perDistributor, docNo: text, docDate: text, ka: maybe, store: maybe, wording: maybe, feeType: maybe, method: maybe,
    amountFen: fen, manufacturerFen: fen, distributorFen: fen, verdict: text, disputed: z.boolean(), reason: text })),
  claims: z.array(z.object({ ...perDistributor, docNo: text, docDate: text, period, ka: maybe, status: text, amountFen: fen, openFen: fen, lines: z.number().int(), evidence: z.unknown(),
    /** the red reversal (冲销) that withdrew the claim by the month's end, when the book reversed it */
    withdrawnBy: z.object({ docNo: text, date: text }).optional() })),
  accruals: z.array(z.object({ ...perDistributor, kind: text, docNo: text, docDate: text, ka: maybe, memo: maybe, amountFen: fen })),
  sales: z.array(z.object({ ...perDistributor, ka: text, store: text, storeName: text, region: text, city: maybe, sku: text, productName: text,
    qtyMilli: z.number().int(), amountFen: fen, returnsFen: fen, minPriceE4: z.number().int().nullable(), maxPriceE4: z.number().int().nullable() })),
  /** the month's last reconciliation over every KA, as the book stored it */
  reconciliation: z.unknown(),
  /** the audit chain's head: its row count and last hash */
  auditHead: z.object({ rows: z.number().int(), hash: maybe, takenAt: z.enum(['package', 'sign-off']) }),
  /**
   * The audit chain's head each signer of the month saw (编制, 复核, 审批), as the book recorded it: what
   * `ka-settle check BOOK --against FILE.package` holds the book to. Absent in packages written before it was kept.
   */
  signOffHeads: z.array(z.object({ step: z.enum(SIGN_OFF_STEPS), user: text, rows: z.number().int(), hash: text })).optional(),
});

export const packageEnvelope = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(1),
  bodySha256: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.object({ algorithm: z.literal('ed25519'), keyId: z.string().regex(/^[0-9a-f]{64}$/), value: z.string().min(1) }),
  body: packageBody,
});

export type PackageBody = z.infer<typeof packageBody>;
export type PackageEnvelope = z.infer<typeof packageEnvelope>;
export type PackageStatement = z.infer<typeof packageStatement>;
