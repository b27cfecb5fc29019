import { BookOpenError, openBook, type Book, type IdentityUpgrade, type OpenOptions } from '../../db/connection.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { UserError } from '../errors.js';

export type { Book } from '../../db/connection.js';

/**
 * A book made by an earlier build recorded each migration by the hash of its file's bytes; it now records the hash
 * of the migration's statements (the same whatever the checkout's line endings). The replacement happens once, the
 * first time the book is opened for writing, and is audited with both hashes.
 */
export function auditIdentityUpgrade(book: Book, upgrades: IdentityUpgrade[]): void {
  new AuditWriter(book).append({
    actor: 'ka-settle', action: 'upgrade-migration-identities', entity: 'schema', entityKey: 'schema_migrations',
    before: upgrades.map((u) => ({ version: u.version, name: u.name, sha256: u.from })),
    after: upgrades.map((u) => ({ version: u.version, name: u.name, sha256: u.to })),
  });
}

/** Opens a book for the services above core, turning refusals into UserErrors naming the file. */
export async function openExistingBook(path: string, options: Omit<OpenOptions, 'create' | 'mustBeNew'> = {}): Promise<Book> {
  try {
    return await openBook(path, { onIdentityUpgrade: auditIdentityUpgrade, ...options });
  } catch (e) {
    if (e instanceof BookOpenError) throw new UserError(`book.${e.code}`, {}, { file: path });
    throw e;
  }
}
