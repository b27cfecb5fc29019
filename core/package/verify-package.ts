import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Book } from '../../db/connection.js';
import { statementVersions } from '../../db/queries/close.js';
import { findDistributor } from '../../db/queries/master-data.js';
import { currentSigningKey } from '../../db/queries/package-data.js';
import type { Message } from '../../locale/index.js';
import { canonicalShape, sha256Hex } from '../canonical-json.js';
import { UserError } from '../errors.js';
import { packageEnvelope, type PackageEnvelope } from './package-format.js';
import { splitSignedBody } from './signed-body.js';
import { keyIdOf } from './signing-key.js';

export type PackageVerdict = { ok: true; envelope: PackageEnvelope } | { ok: false; problems: Message[] };

/** A package file as written: JSON, or gzip-compressed JSON (recognised by its first bytes, whatever its name). */
export function readPackageFile(path: string): unknown {
  return readPackageBytes(path).value;
}

/**
 * The file's bytes as they came, and what they hold; for a file in the shape books write (signed-body.ts), the
 * body's bytes too, which verifyPackage hashes and checks as they stand.
 */
export function readPackageBytes(path: string): { bytes: Buffer; gzipped: boolean; value: unknown; signedBody: Buffer | null } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UserError('package.file-not-found', { file: path }, { file: path });
  }
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  let json: Buffer;
  try {
    json = gzipped ? gunzipSync(bytes) : bytes;
  } catch {
    throw new UserError('package.not-json', { file: path }, { file: path });
  }
  const split = splitSignedBody(json);
  if (split) {
    try {
      return { bytes, gzipped, value: { ...split.head, body: JSON.parse(split.body.toString('utf8')) as unknown }, signedBody: split.body };
    } catch {
      // not JSON after all: parsed whole below, which says so
    }
  }
  try {
    return { bytes, gzipped, value: JSON.parse(json.toString('utf8')) as unknown, signedBody: null };
  } catch {
    throw new UserError('package.not-json', { file: path }, { file: path });
  }
}

const sumOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/**
 * A registered public key parsed once, with its id: the head office verifies thousands of packages from a few
 * hundred keys, and parsing the PEM twice for each (its id, then the signature) cost more than the signature itself.
 */
const parsedKeys = new Map<string, { keyId: string; key: KeyObject }>();
function parsedKey(pem: string): { keyId: string; key: KeyObject } {
  let k = parsedKeys.get(pem);
  if (!k) {
    if (parsedKeys.size >= 10_000) parsedKeys.clear();
    const key = createPublicKey(pem);
    parsedKeys.set(pem, k = { keyId: keyIdOf(key), key });
  }
  return k;
}

/**
 * Verifies a settlement package (the one definition, used by the head office's loader and by `ka-settle check
 * --against`): its shape; the SHA-256 of its body; the SHA-256 of every statement's content; that the key that
 * signed it is the one the caller knows under that id (the id is the SHA-256 of the public key, so a key cannot
 * pose as another); the Ed25519 signature over the body's canonical JSON; and that each statement's receivables
 * tie to the open items sent with it. Every problem is named; nothing is thrown for a bad package.
 *
 * `signedBody` is the bytes `raw.body` was parsed from, as the file holds them (readPackageBytes). When they hash
 * to the body's SHA-256 they are the text the book hashed and signed, and the signature is checked on them as they
 * stand; otherwise, or without them, both are checked on the canonical JSON of the parsed body, whatever the file's
 * layout.
 */
export function verifyPackage(raw: unknown, publicKeyFor: (keyId: string) => string | undefined, signedBody?: Buffer | null): PackageVerdict {
  const parsed = packageEnvelope.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, problems: [{ code: 'package.bad-format', params: { path: issue.path.map(String).join('.') || '-' } }] };
  }
  const envelope = parsed.data;
  // Hashes are taken over what the file holds, not over the parsed copy: a field zod does not know still counts.
  const rawBody = (raw as { body: unknown }).body;
  const problems: Message[] = [];
  let signed: Buffer;
  let contents: unknown[];
  if (signedBody && sha256Hex(signedBody) === envelope.bodySha256) {
    signed = signedBody;
    contents = (rawBody as { statements: { content: unknown }[] }).statements.map((s) => canonicalShape(s.content));
  } else {
    // A body parsed in canonical order (signBody's) is serialised as it stands; any other is sorted first.
    const sorted = canonicalShape(rawBody) as { statements: { content: unknown }[] };
    signed = Buffer.from(JSON.stringify(sorted), 'utf8');
    if (sha256Hex(signed) !== envelope.bodySha256) problems.push({ code: 'package.body-hash', params: { period: envelope.body.period } });
    contents = sorted.statements.map((s) => s.content);
  }
  envelope.body.statements.forEach((s, i) => {
    if (sha256Hex(JSON.stringify(contents[i])) !== s.sha256) {
      problems.push({ code: 'package.statement-hash', params: { distributor: s.distributor.code, version: s.version } });
    }
    const closing = (s.content as { totals?: { receivable?: { closing?: unknown } } }).totals?.receivable?.closing;
    const open = sumOf(envelope.body.openItems.filter((o) => o.distributor === s.distributor.code && o.account === 'ar_ka').map((o) => o.openFen));
    if (typeof closing !== 'number' || closing !== open) {
      problems.push({ code: 'package.open-items-differ', params: { distributor: s.distributor.code, closing: typeof closing === 'number' ? closing : null, open } });
    }
  });
  const keyId = envelope.signature.keyId;
  if (envelope.body.sender.keyId !== keyId) problems.push({ code: 'package.sender-key', params: { keyId } });
  const pem = publicKeyFor(keyId);
  if (!pem) problems.push({ code: 'package.unknown-key', params: { keyId: keyId.slice(0, 16) } });
  else {
    let key: { keyId: string; key: KeyObject } | undefined;
    try {
      key = parsedKey(pem);
    } catch {
      key = undefined;
    }
    if (!key || key.keyId !== keyId) problems.push({ code: 'package.key-mismatch', params: { keyId: keyId.slice(0, 16) } });
    else {
      let good = false;
      try {
        good = verify(null, signed, key.key, Buffer.from(envelope.signature.value, 'base64'));
      } catch {
        good = false;
      }
      if (!good) problems.push({ code: 'package.bad-signature', params: { keyId: keyId.slice(0, 16) } });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, envelope };
}

/**
 * A package checked against the book that should have written it: signed by this book's key, and every statement
 * in it the very version the book froze (same SHA-256). For `ka-settle check --against FILE`.
 */
export function verifyPackageWithBook(book: Book, raw: unknown): PackageVerdict {
  const key = currentSigningKey(book);
  const verdict = verifyPackage(raw, (id) => (key && key.key_id === id ? key.public_pem : undefined));
  if (!verdict.ok) return verdict;
  const problems: Message[] = [];
  for (const s of verdict.envelope.body.statements) {
    const d = findDistributor(book, s.distributor.code);
    const mine = d ? statementVersions(book, verdict.envelope.body.period, d.id).find((v) => v.version === s.version) : undefined;
    if (!mine || mine.sha256 !== s.sha256) problems.push({ code: 'package.not-this-book', params: { distributor: s.distributor.code, version: s.version } });
  }
  return problems.length ? { ok: false, problems } : verdict;
}
