import { SIGN_OFF_STEPS, type SignOffStep } from '../../vocabulary/index.js';
import type { StatementView } from './statement-document.js';

/**
 * What a signed statement carries out of the book so the book can later be checked against it (`ka-settle check
 * BOOK --against FILE.pdf`): the statement's identity and hash and each sign-off's audit-chain head, in one line of
 * plain ASCII that survives printing and text extraction (spaces and line breaks inside it are ignored).
 *
 *   KA-SETTLE-VERIFY|1|D01|2026-10|v1|sha256=<64 hex>|prepare=123:<64 hex>|review=130:<64 hex>|approve=141:<64 hex>|END
 */
export interface VerificationMark {
  distributor: string;
  period: string;
  version: number;
  sha256: string;
  heads: { step: SignOffStep; rows: number; hash: string }[];
}

const PREFIX = 'KA-SETTLE-VERIFY|1|';

/** The mark of a prepared statement version; none for a draft (nothing was signed). */
export function verificationMark(doc: StatementView): string | null {
  if (doc.version === null || doc.sha256 === null) return null;
  const heads = doc.heads.map((h) => `${h.step}=${h.chain.rows}:${h.chain.hash}`);
  return `${PREFIX}${doc.content.distributor.code}|${doc.content.period}|v${doc.version}|sha256=${doc.sha256}|${heads.join('|')}${heads.length ? '|' : ''}END`;
}

/** Every mark in a text (a PDF's extracted text, say), whitespace inside them ignored. */
export function readVerificationMarks(text: string): VerificationMark[] {
  const flat = text.replace(/\s+/g, '');
  const out: VerificationMark[] = [];
  const steps = SIGN_OFF_STEPS.join('|');
  const mark = /KA-SETTLE-VERIFY\|1\|([^|]{1,64})\|(\d{4}-\d{2})\|v(\d+)\|sha256=([0-9a-f]{64})\|((?:[a-z]+=\d+:[0-9a-f]{64}\|)*)END/g;
  for (const m of flat.matchAll(mark)) {
    const heads = [...m[5]!.matchAll(new RegExp(`(${steps})=(\\d+):([0-9a-f]{64})\\|`, 'g'))].map((h) => ({ step: h[1] as SignOffStep, rows: Number(h[2]), hash: h[3]! }));
    out.push({ distributor: m[1]!, period: m[2]!, version: Number(m[3]), sha256: m[4]!, heads });
  }
  return out;
}
