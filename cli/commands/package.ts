import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { openExistingBook } from '../../core/book/open-book.js';
import { commandLanguage, UserError } from '../../core/errors.js';
import { buildPackage } from '../../core/package/build-package.js';
import { publicKeyFile } from '../../core/package/signing-key.js';
import { readPackageFile, verifyPackageWithBook } from '../../core/package/verify-package.js';
import { renderMessage, type Message } from '../../locale/index.js';
import { COMMON_OPTIONS, resolveActor } from '../context.js';
import { writeAs } from '../sign-in.js';
import { printJson, type Io } from '../io.js';
import { UsageError } from '../usage.js';

/** Writes JSON, gzip-compressed when the name ends in .gz. */
export function writeJsonFile(path: string, value: unknown): void {
  const text = `${JSON.stringify(value)}\n`;
  writeFileSync(path, path.endsWith('.gz') ? gzipSync(text) : text);
}

/**
 * `ka-settle package BOOK --period YYYY-MM --out FILE`: the signed settlement package of an approved month for the
 * head office; `--public-key FILE` exports the book's public key for the head office to register; `--verify FILE`
 * checks a package against this book.
 */
export async function packageCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
    ...COMMON_OPTIONS, period: { type: 'string' }, out: { type: 'string' }, 'public-key': { type: 'string' }, verify: { type: 'string' },
  } });
  const [path] = positionals;
  const modes = [values.out, values['public-key'], values.verify].filter((v) => v !== undefined).length;
  if (!path || positionals.length !== 1 || modes !== 1 || (values.out !== undefined && !values.period)) {
    throw new UsageError('usage.package-needs');
  }
  const lang = commandLanguage(io.env);
  const say = (m: Message) => io.out(renderMessage(lang, m));
  const book = await openExistingBook(path);
  try {
    // Writing a package or the key records it in the book: a signed-in (or proven) user, as every write.
    const actor = values.verify ? resolveActor(io, values.user) : await writeAs(book, io, values.user, 'package');
    if (values['public-key']) {
      const file = resolve(values['public-key']);
      const key = publicKeyFile(book, actor);
      writeJsonFile(file, key);
      if (values.json) printJson(io, { file, keyId: key.keyId });
      else say({ code: 'package.key-written', params: { file, keyId: key.keyId } });
      return 0;
    }
    if (values.verify) {
      const verdict = verifyPackageWithBook(book, readPackageFile(values.verify));
      if (!verdict.ok) {
        const [first, ...rest] = verdict.problems;
        if (values.json) printJson(io, { ok: false, problems: verdict.problems.map((p) => ({ ...p, message: renderMessage(lang, p) })) });
        else for (const p of rest) io.err(renderMessage(lang, p));
        throw new UserError(first!.code as never, first!.params ?? {}, { file: values.verify });
      }
      if (values.json) printJson(io, { ok: true, period: verdict.envelope.body.period, edition: verdict.envelope.body.edition });
      else say({ code: 'package.verified', params: { period: verdict.envelope.body.period, edition: verdict.envelope.body.edition } });
      return 0;
    }
    const file = resolve(values.out!);
    const envelope = buildPackage(book, values.period!, actor);
    writeJsonFile(file, envelope);
    const b = envelope.body;
    if (values.json) printJson(io, { file, period: b.period, edition: b.edition, sha256: envelope.bodySha256, keyId: envelope.signature.keyId, statements: b.statements.map((s) => ({ distributor: s.distributor.code, version: s.version, sha256: s.sha256 })) });
    else say({ code: 'package.written', params: { file, period: b.period, edition: b.edition, statements: b.statements.length, sha256: envelope.bodySha256 } });
    return 0;
  } finally {
    book.close();
  }
}
