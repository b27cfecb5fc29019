import { extname } from 'node:path';
import type { Book } from '../../db/connection.js';
import { auditRow } from '../../db/queries/audit.js';
import { findStoredStatement } from '../../db/queries/tamper.js';
import type { Message } from '../../locale/index.js';
import type { SignOffStep } from '../../vocabulary/index.js';
import { canonicalJson, sha256Hex } from '../canonical-json.js';
import { UserError } from '../errors.js';
import { readVerificationMarks } from '../statement/verification-mark.js';
import { finding, type CheckResult } from './check-result.js';
import { pdfText } from './pdf-text.js';
import { readPackageEvidence } from '../package/package-evidence.js';

/**
 * What a signed file that left the book says about it: statement versions with their hashes, and audit-chain
 * heads recorded at sign-off. A PDF statement carries one of each kind (its verification mark); a settlement
 * package (the head office's format) may carry many.
 */
export interface ExternalEvidence {
  statements: { distributor: string; period: string; version: number; sha256: string }[];
  heads: { period: string; step: SignOffStep; rows: number; hash: string }[];
}

/** Reads a kind of file into evidence; throws a UserError when the file is not such a file or carries none. */
export type EvidenceReader = (file: string) => Promise<ExternalEvidence>;

async function readPdf(file: string): Promise<ExternalEvidence> {
  const marks = readVerificationMarks(await pdfText(file));
  if (!marks.length) throw new UserError('security.against-no-marks', { file }, { file });
  return {
    statements: marks.map((m) => ({ distributor: m.distributor, period: m.period, version: m.version, sha256: m.sha256 })),
    heads: marks.flatMap((m) => m.heads.map((h) => ({ period: m.period, step: h.step, rows: h.rows, hash: h.hash }))),
  };
}

// A settlement package is FILE.package, or FILE.package.gz compressed (the reader unzips either).
const readers = new Map<string, EvidenceReader>([['.pdf', readPdf], ['.package', readPackageEvidence], ['.gz', readPackageEvidence]]);

/** Lets another kind of file be checked against a book, turning it into ExternalEvidence. */
export function registerEvidenceReader(extension: string, reader: EvidenceReader): void {
  readers.set(extension.toLowerCase(), reader);
}

/**
 * The book against evidence that left it: each statement must still be in the book under its version with the
 * same hash and content that hashes to it, and each recorded head must still be the book's audit row of that
 * number. Whoever holds only the book cannot make a chain that matches a head already printed on paper.
 */
export function verifyEvidence(book: Book, evidence: ExternalEvidence): CheckResult[] {
  const statements: Message[] = [];
  const notes: Message[] = [];
  for (const s of evidence.statements) {
    const who = { distributor: s.distributor, period: s.period, version: s.version };
    const row = findStoredStatement(book, s.period, s.distributor, s.version);
    let contentHash = '';
    try {
      contentHash = row ? sha256Hex(canonicalJson(JSON.parse(row.content_json))) : '';
    } catch {
      contentHash = '';
    }
    if (!row || row.sha256 !== s.sha256 || contentHash !== s.sha256) statements.push({ code: 'security.against-statement-missing', params: { ...who, sha: s.sha256.slice(0, 16) } });
    else notes.push({ code: row.status === 'superseded' ? 'security.against-statement-superseded' : 'security.against-statement-ok', params: who });
  }
  const heads: Message[] = [];
  for (const h of evidence.heads) {
    const row = auditRow(book, h.rows);
    if (h.rows > 0 && (!row || row.hash !== h.hash)) heads.push({ code: 'security.against-head-differs', params: { step: h.step, rows: h.rows } });
  }
  const okStatements: Message = notes[0] ?? { code: 'security.check-statements-ok', params: { count: 0 } };
  const okHeads: Message = { code: 'security.check-heads-ok', params: { count: evidence.heads.length } };
  return [finding('check.against-statements', statements, okStatements), finding('check.against-audit-heads', heads, okHeads)];
}

/** `check BOOK --against FILE`: the file read by the reader of its kind, then verified against the book. */
export async function checkAgainst(book: Book, file: string): Promise<CheckResult[]> {
  const reader = readers.get(extname(file).toLowerCase());
  if (!reader) throw new UserError('security.against-no-reader', { file, known: [...readers.keys()].join(', ') }, { file });
  return verifyEvidence(book, await reader(file));
}
