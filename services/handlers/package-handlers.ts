import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { packageMethods } from '../../contract/package-methods.js';
import { buildPackage } from '../../core/package/build-package.js';
import { publicKeyFile } from '../../core/package/signing-key.js';
import type { HandlersOf } from './handler-types.js';

/** 结算包 from the window: written into `packages/` beside the book, with the book's public key for the head office. */
export const packageHandlers: HandlersOf<typeof packageMethods> = {
  'package.write': ({ session, actor }, a) => {
    const book = session.requireBook();
    const envelope = buildPackage(book, a.period, actor);
    const folder = join(dirname(book.path), 'packages');
    mkdirSync(folder, { recursive: true });
    const name = basename(book.path).replace(/\.[^.]*$/, '');
    const file = join(folder, `${name}-${a.period}-e${envelope.body.edition}.package`);
    writeFileSync(file, `${JSON.stringify(envelope)}\n`);
    const keyFile = join(folder, `${name}-public-key.json`);
    writeFileSync(keyFile, `${JSON.stringify(publicKeyFile(book, actor))}\n`);
    return { file, keyFile, edition: envelope.body.edition, sha256: envelope.bodySha256, statements: envelope.body.statements.length };
  },
};
