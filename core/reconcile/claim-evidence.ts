import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Book } from '../../db/connection.js';
import { getClaim } from '../../db/queries/claims.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { UserError } from '../errors.js';
import { uniquePath } from '../files/unique-path.js';

/** Where a claim's attached files live: evidence/<claim number>/ beside the book (copied, so the book's folder holds them). */
function evidenceDir(book: Book, docNo: string): string {
  return join(dirname(book.path), 'evidence', docNo.replace(/[\\/:*?"<>|]/g, '_'));
}

export function claimAttachments(book: Book, docNo: string) {
  const dir = evidenceDir(book, docNo);
  if (!existsSync(dir)) return [];
  // A name starting with a dot is a copy still being made (or one an interrupted attach left): not evidence yet.
  return readdirSync(dir).filter((name) => !name.startsWith('.')).sort().map((name) => ({ name, file: join(dir, name), bytes: statSync(join(dir, name)).size }));
}

/**
 * 附证据: copies a file (a deduction notice, a photo of the display) to the claim's evidence folder; audited. A file
 * cannot be in the book's transaction, so it is copied under a hidden name first and takes its own name only once
 * the audit row is committed: interrupted, it leaves a hidden partial copy, never evidence without its audit.
 */
export function attachEvidence(book: Book, claimId: number, path: string, actor: string) {
  const claim = getClaim(book, claimId);
  if (!claim) throw new UserError('reconcile.no-claim', { id: claimId }, { field: 'id' });
  if (!existsSync(path) || !statSync(path).isFile()) throw new UserError('reconcile.file-not-found', {}, { file: path });
  const dir = evidenceDir(book, claim.doc_no);
  mkdirSync(dir, { recursive: true });
  // A second file of the same name is kept beside the first (… (2).pdf), never over it; the copy takes its name
  // only once its audit row is committed.
  const target = uniquePath(join(dir, basename(path).replace(/^[0-9a-f-]{36}[\\/]/, '')));
  const name = basename(target);
  const partial = join(dir, `.${name}.partial-${process.pid}`);
  copyFileSync(path, partial);
  try {
    book.write(() => new AuditWriter(book).append({ actor, action: 'attach', entity: 'fee_claim', entityKey: claim.doc_no, after: { file: name, bytes: statSync(partial).size } }));
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  return claimAttachments(book, claim.doc_no);
}
