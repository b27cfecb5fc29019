import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExistingBook } from '../../../core/book/open-book.js';
import { sha256Hex } from '../../../core/canonical-json.js';
import { buildPackage } from '../../../core/package/build-package.js';
import type { PackageEnvelope } from '../../../core/package/package-format.js';
import { splitSignedBody } from '../../../core/package/signed-body.js';
import { publicKeyFile } from '../../../core/package/signing-key.js';
import { readPackageBytes, verifyPackage } from '../../../core/package/verify-package.js';
import type { Book } from '../../../db/connection.js';
import { approvedDemoCopy } from '../../helpers/approved-demo.js';

let dir: string;
let book: Book;
let env: PackageEnvelope;
let publicKey: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-signed-body-'));
  book = await openExistingBook(await approvedDemoCopy(dir));
  env = JSON.parse(JSON.stringify(buildPackage(book, '2025-12', 'wang'))) as PackageEnvelope;
  publicKey = publicKeyFile(book, 'wang').publicKey;
}, 300_000);
afterAll(() => {
  book?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes text as a package file and reads and verifies it the way the head office's loader does. */
function readAndVerify(name: string, text: string, gzip = false) {
  const file = join(dir, name);
  writeFileSync(file, gzip ? gzipSync(text) : text);
  const read = readPackageBytes(file);
  return { read, verdict: verifyPackage(read.value, () => publicKey, read.signedBody) };
}

const headOf = (e: PackageEnvelope) => JSON.stringify({ format: e.format, formatVersion: e.formatVersion, bodySha256: e.bodySha256, signature: e.signature }).slice(0, -1);

describe('a package verified on its body as the file holds it', () => {
  it('finds the body’s bytes in a file as the command writes it, and they are the text the book signed', () => {
    const split = splitSignedBody(Buffer.from(`${JSON.stringify(env)}\n`));
    expect(split).not.toBeNull();
    expect(split!.body.toString('utf8')).toBe(JSON.stringify(env.body));
    expect(sha256Hex(split!.body)).toBe(env.bodySha256);
    expect(split!.head).toEqual({ format: env.format, formatVersion: 1, bodySha256: env.bodySha256, signature: env.signature, body: null });
    for (const gzip of [false, true]) {
      const { read, verdict } = readAndVerify(`plain-${gzip}.package`, `${JSON.stringify(env)}\n`, gzip);
      expect(read.signedBody).not.toBeNull();
      expect(verdict.ok).toBe(true);
      expect(read.value).toEqual(env);
    }
  });

  it('verifies a file in any other layout by the canonical text, with the same verdict', () => {
    const pretty = readAndVerify('pretty.package', JSON.stringify(env, null, 2));
    expect(pretty.read.signedBody).toBeNull();
    expect(pretty.verdict.ok).toBe(true);
    // The body first: the split runs to the end of the file, which is not JSON; the whole file is parsed instead.
    const first = readAndVerify('body-first.package', JSON.stringify({ body: env.body, format: env.format, formatVersion: 1, bodySha256: env.bodySha256, signature: env.signature }));
    expect(first.read.signedBody).toBeNull();
    expect(first.verdict.ok).toBe(true);
    expect(first.read.value).toEqual({ ...env });
  });

  it('refuses a file whose body’s bytes were changed, as the canonical check would', () => {
    const text = JSON.stringify(env);
    const amount = `"openFen":${env.body.openItems[0]!.openFen}`;
    expect(text.includes(amount)).toBe(true);
    const changed = readAndVerify('changed.package', text.replace(amount, `"openFen":${env.body.openItems[0]!.openFen + 1}`));
    expect(changed.verdict.ok === false && changed.verdict.problems.map((p) => p.code)).toEqual(['package.body-hash', 'package.open-items-differ', 'package.bad-signature']);
    // Spaces added inside the body: not the bytes that were signed, but the same body, whose canonical text was.
    const spaced = readAndVerify('spaced.package', text.replace('"openItems":[', '"openItems": ['));
    expect(spaced.read.signedBody).not.toBeNull();
    expect(sha256Hex(spaced.read.signedBody!)).not.toBe(env.bodySha256);
    expect(spaced.verdict.ok).toBe(true);
  });

  it('never takes a signed body from where JSON does not put the body', () => {
    const evil = JSON.parse(JSON.stringify(env.body)) as PackageEnvelope['body'];
    evil.statements[0]!.content.netDue = { ...(evil.statements[0]!.content.netDue as object), fromManufacturer: 1 };
    // The real body key escaped, the signed body under a key that ends in "body" (a backslash before its quote).
    const escaped = readAndVerify('escaped.package', `${headOf(env)},"b\\u006fdy":${JSON.stringify(evil)},"x\\"body":${JSON.stringify(env.body)}}`);
    expect(escaped.read.signedBody).toBeNull();
    expect((escaped.read.value as PackageEnvelope).body).toEqual(evil);
    expect(escaped.verdict.ok).toBe(false);
    // Two body keys: JSON takes the last one, and so does the loader — whichever it is, it is verified.
    for (const [a, b, ok] of [[evil, env.body, true], [env.body, evil, false]] as const) {
      const twice = readAndVerify('twice.package', `${headOf(env)},"body":${JSON.stringify(a)},"body":${JSON.stringify(b)}}`);
      expect((twice.read.value as PackageEnvelope).body).toEqual(b);
      expect(twice.verdict.ok).toBe(ok);
    }
    // A field the envelope does not have: parsed whole, and the body JSON gives is the one verified.
    const extra = readAndVerify('extra.package', `${headOf(env)},"note":"x","body":${JSON.stringify(env.body)}}`);
    expect(extra.read.signedBody).toBeNull();
    expect(extra.verdict.ok).toBe(true);
  });
});
