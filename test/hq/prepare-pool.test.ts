import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openExistingBook } from '../../core/book/open-book.js';
import { buildPackage } from '../../core/package/build-package.js';
import { publicKeyFile } from '../../core/package/signing-key.js';
import { preparePackage, type PreparedOutcome } from '../../hq/core/prepare-package.js';
import { preparer } from '../../hq/core/prepare-pool.js';
import { APPROVED_MONTHS, approvedDemoCopy } from '../helpers/approved-demo.js';

/**
 * The worker threads of a large load make of each file exactly what the loading thread would: the same verdicts
 * for good, changed, unknown-key and unreadable files, the same rows, the same kept bytes.
 */
let dir: string;
const files: string[] = [];
let keys: Map<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-prepare-'));
  const book = await openExistingBook(await approvedDemoCopy(dir));
  try {
    const key = publicKeyFile(book, 'wang');
    keys = new Map([[key.keyId, key.publicKey]]);
    for (const m of APPROVED_MONTHS) {
      const env = buildPackage(book, m, 'wang');
      writeFileSync(join(dir, `${m}.package`), JSON.stringify(env));
      writeFileSync(join(dir, `${m}.package.gz`), gzipSync(JSON.stringify(env)));
      files.push(join(dir, `${m}.package`), join(dir, `${m}.package.gz`));
    }
  } finally {
    book.close();
  }
  const changed = JSON.parse(readFileSync(files[0]!, 'utf8'));
  changed.body.sales[0].amountFen += 100;
  writeFileSync(join(dir, 'changed.package'), JSON.stringify(changed));
  writeFileSync(join(dir, 'not-json.package'), 'not a package');
  files.push(join(dir, 'changed.package'), join(dir, 'not-json.package'), join(dir, 'missing.package'));
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const comparable = (o: PreparedOutcome) => (o.ok ? { ...o, gzip: Buffer.from(o.gzip).toString('base64') } : o);

describe('preparing package files in worker threads', () => {
  it('gives what the loading thread gives, file by file', async () => {
    const pool = preparer(keys, 2);
    try {
      const threaded = await Promise.all(files.map((f) => pool.prepare(f)));
      const here = files.map((f) => preparePackage(f, keys));
      expect(threaded.map(comparable)).toEqual(here.map(comparable));
      expect(here.map((o) => (o.ok ? 'ok' : o.problems[0]!.code))).toEqual(['ok', 'ok', 'ok', 'ok', 'package.body-hash', 'package.not-json', 'package.file-not-found']);
      // A file that came compressed is kept byte for byte; one that came as JSON is compressed for keeping.
      expect(Buffer.from((here[1] as { gzip: Uint8Array }).gzip).equals(readFileSync(files[1]!))).toBe(true);
      const sales = JSON.parse((here[0] as { json: { productFigures: string } }).json.productFigures) as { sales: number }[];
      const body = JSON.parse(readFileSync(files[0]!, 'utf8')).body as { sales: { amountFen: number }[] };
      expect(sales.reduce((s, p) => s + p.sales, 0)).toBe(body.sales.reduce((s, l) => s + l.amountFen, 0));
    } finally {
      await pool.close();
    }
  });

  it('refuses every file signed by a key the head office does not know', async () => {
    const pool = preparer(new Map(), 2);
    try {
      const out = await pool.prepare(files[0]!);
      expect(out).toMatchObject({ ok: false, problems: [{ code: 'package.unknown-key' }] });
    } finally {
      await pool.close();
    }
  });
});
