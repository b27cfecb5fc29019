import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Book } from '../../db/connection.js';
import { currentSigningKey, distributorsWithRegion, insertSigningKey, type SigningKeyRow } from '../../db/queries/package-data.js';
import { bookInfo } from '../../db/queries/book-info.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { basename } from 'node:path';

/** A key's id: the SHA-256 of its public half (SubjectPublicKeyInfo, DER), so the id cannot name another key. */
export function keyIdOf(publicPem: string | KeyObject): string {
  const key = typeof publicPem === 'string' ? createPublicKey(publicPem) : publicPem;
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}

/**
 * The book's Ed25519 signing key, made the first time it is needed (in its own transaction, audited). The private
 * half never leaves the book: it is as safe as the book file itself.
 */
export function ensureSigningKey(book: Book, actor: string): SigningKeyRow {
  const existing = currentSigningKey(book);
  if (existing) return existing;
  return book.write(() => {
    const again = currentSigningKey(book);
    if (again) return again;
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const public_pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const private_pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const key_id = keyIdOf(public_pem);
    insertSigningKey(book, { key_id, public_pem, private_pem, created_by: actor });
    new AuditWriter(book).append({ actor, action: 'create', entity: 'signing_key', entityKey: key_id, after: { algorithm: 'ed25519', keyId: key_id } });
    return currentSigningKey(book)!;
  });
}

/** What the head office registers: the public key, its id, and who the book is (its distributors and manufacturer). */
export interface PublicKeyFile {
  format: 'ka-settle/public-key';
  formatVersion: 1;
  algorithm: 'ed25519';
  keyId: string;
  publicKey: string;
  book: string;
  createdAt: string;
  manufacturer: { code: string; name: string } | null;
  distributors: { code: string; name: string; region: string | null }[];
}

export function publicKeyFile(book: Book, actor: string): PublicKeyFile {
  const key = ensureSigningKey(book, actor);
  const distributors = distributorsWithRegion(book);
  const first = distributors[0];
  return {
    format: 'ka-settle/public-key', formatVersion: 1, algorithm: 'ed25519', keyId: key.key_id, publicKey: key.public_pem,
    book: bookInfo(book).name ?? basename(book.path).replace(/\.[^.]*$/, ''), createdAt: key.created_at,
    manufacturer: first ? { code: first.manufacturer_code, name: first.manufacturer_name } : null,
    distributors: distributors.map((d) => ({ code: d.code, name: d.name, region: d.region })),
  };
}
