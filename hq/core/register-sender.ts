import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UserError } from '../../core/errors.js';
import { keyIdOf } from '../../core/package/signing-key.js';
import type { HqDb } from '../db/connection.js';
import { insertSender, senderByKey, upsertDistributors } from '../db/queries/senders.js';
import { appendHqAudit } from './hq-audit.js';
import { requireHqRole, type HqSignedIn } from './hq-users.js';

const keyFile = z.object({
  format: z.literal('ka-settle/public-key'), formatVersion: z.literal(1), algorithm: z.literal('ed25519'),
  keyId: z.string().regex(/^[0-9a-f]{64}$/), publicKey: z.string().min(1), book: z.string(),
  manufacturer: z.object({ code: z.string(), name: z.string() }).nullable(),
  distributors: z.array(z.object({ code: z.string().min(1), name: z.string(), region: z.string().nullable() })),
});

/**
 * Registers a distributor book's public key (the file `ka-settle package BOOK --public-key FILE` wrote): from then on
 * packages signed with it are accepted. The key id must be the SHA-256 of the key itself. Registering the same key
 * again changes nothing.
 */
export async function registerSender(db: HqDb, file: string, user: HqSignedIn): Promise<{ keyId: string; book: string; created: boolean; distributors: number }> {
  requireHqRole(user, ['credit_controller'], 'register');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UserError('hq.bad-key-file', { file }, { file });
  }
  const parsed = keyFile.safeParse(raw);
  if (!parsed.success) throw new UserError('hq.bad-key-file', { file }, { file, field: parsed.error.issues[0]!.path.join('.') });
  const k = parsed.data;
  let id: string;
  try {
    id = keyIdOf(k.publicKey);
  } catch {
    throw new UserError('hq.bad-key-file', { file }, { file, field: 'publicKey' });
  }
  if (id !== k.keyId) throw new UserError('hq.key-id-mismatch', { file }, { file, field: 'keyId' });
  return db.transaction(async (tx) => {
    const existing = await senderByKey(tx, k.keyId);
    const senderId = existing?.id ?? await insertSender(tx, { key_id: k.keyId, public_pem: k.publicKey, book: k.book, manufacturer_code: k.manufacturer?.code ?? null, registered_by: user.username });
    await upsertDistributors(tx, senderId, k.distributors);
    if (!existing) await appendHqAudit(tx, { actor: user.username, action: 'register', entity: 'sender', entityKey: k.keyId, after: { book: k.book, distributors: k.distributors.map((d) => d.code) } });
    return { keyId: k.keyId, book: k.book, created: !existing, distributors: k.distributors.length };
  });
}
