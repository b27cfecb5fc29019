import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Book } from '../../db/connection.js';
import { getClaim } from '../../db/queries/claims.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { UserError } from '../errors.js';

/** Where a claim's attached files live: evidence/<claim number>/ beside the book (copied, so the book's folder holds them). */
function evidenceDir(book: Book, docNo: string): string {
  return join(dirname(book.path), 'evidence', docNo.replace(/[\\/:*?"<>|]/g, '_'));
}

export function claimAttachments(book: Book, docNo: string) {
  const dir = evidenceDir(book, docNo);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().map((name) => ({ name, file: join(dir, name), bytes: statSync(join(dir, name)).size }));
}

/** 附证据: copies a file (a deduction notice, a photo of the display) to the claim's evidence folder; audited. */
export function attachEvidence(book: Book, claimId: number, path: string, actor: string) {
  const claim = getClaim(book, claimId);
  if (!claim) throw new UserError('reconcile.no-claim', { id: claimId }, { field: 'id' });
  if (!existsSync(path) || !statSync(path).isFile()) throw new UserError('reconcile.file-not-found', {}, { file: path });
  const dir = evidenceDir(book, claim.doc_no);
  mkdirSync(dir, { recursive: true });
  const name = basename(path).replace(/^[0-9a-f-]{36}[\\/]/, '');
  copyFileSync(path, join(dir, name));
  book.write(() => new AuditWriter(book).append({ actor, action: 'attach', entity: 'fee_claim', entityKey: claim.doc_no, after: { file: name, bytes: statSync(path).size } }));
  return claimAttachments(book, claim.doc_no);
}
