import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../core/errors.js';
import { importFile } from '../../../../core/import/import-file.js';
import { openTable } from '../../../../core/import/read-rows.js';
import { sepBook } from '../../../helpers/sep-book.js';
import { tempDir } from '../../../helpers/temp-book.js';

const SOURCE = fileURLToPath(new URL('../../../fixtures/readers/flip-receipts.xlsx', import.meta.url));
const BIN = fileURLToPath(new URL('../../../../bin/ka-settle.js', import.meta.url));

/**
 * The regions of a zip, found here by reading its structure directly (not through the reader under test): each
 * part's local header, its compressed data, its directory entry, and the end record.
 */
function regions(zip: Buffer): { what: string; start: number; end: number }[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out: { what: string; start: number; end: number }[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const name = zip.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const local = zip.readUInt32LE(p + 42);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const flags = zip.readUInt16LE(p + 8);
    const descriptor = flags & 8 ? 16 : 0;
    out.push({ what: `${name} local header`, start: local, end: data });
    out.push({ what: `${name} data`, start: data, end: data + zip.readUInt32LE(p + 20) });
    if (descriptor) out.push({ what: `${name} data descriptor`, start: data + zip.readUInt32LE(p + 20), end: data + zip.readUInt32LE(p + 20) + descriptor });
    out.push({ what: `${name} directory entry`, start: p, end: next });
    p = next;
  }
  out.push({ what: 'end record', start: eocd, end: zip.length });
  return out;
}

interface Flip { what: string; at: number; kind: 'bit' | 'byte' }

/** Every byte of the headers, directory and end record; a spread of positions in each part's compressed data. */
function flips(zip: Buffer): Flip[] {
  const out: Flip[] = [];
  for (const r of regions(zip)) {
    const length = r.end - r.start;
    if (r.what.endsWith(' data')) {
      const n = Math.min(length, 24);
      for (let i = 0; i < n; i++) out.push({ what: r.what, at: r.start + Math.floor((i * (length - 1)) / Math.max(1, n - 1)), kind: i % 2 ? 'byte' : 'bit' });
    } else {
      for (let at = r.start; at < r.end; at++) out.push({ what: r.what, at, kind: 'bit' });
      for (let at = r.start; at < r.end; at += 3) out.push({ what: r.what, at, kind: 'byte' });
    }
  }
  return out;
}

function flipped(zip: Buffer, f: Flip): Buffer {
  const c = Buffer.from(zip);
  c[f.at] = f.kind === 'bit' ? c[f.at]! ^ (1 << (f.at % 8)) : c[f.at]! ^ 0xff;
  return c;
}

async function rowsOf(path: string): Promise<string> {
  const out: unknown[] = [];
  for await (const r of (await openTable(path)).rows) out.push([r.row, r.cells.map((c) => (c instanceof Date ? `D${c.toISOString()}` : c === null ? null : `${typeof c}:${String(c)}`))]);
  return JSON.stringify(out);
}

describe('a workbook damaged by one flipped bit or byte', () => {
  const original = readFileSync(SOURCE);
  const all = flips(original);

  it('is refused with the file named, or read as exactly the original rows — never as different rows', async () => {
    const dir = tempDir();
    const baseline = await rowsOf(SOURCE);
    const tally = new Map<string, { refused: number; same: number }>();
    for (const [i, f] of all.entries()) {
      const path = join(dir, `flip-${i}.xlsx`);
      writeFileSync(path, flipped(original, f));
      const counts = tally.get(f.what) ?? { refused: 0, same: 0 };
      tally.set(f.what, counts);
      let rows: string;
      try {
        rows = await rowsOf(path);
      } catch (e) {
        expect(e, `${f.kind} flip at ${f.at} (${f.what}): ${String(e)}`).toBeInstanceOf(UserError);
        expect((e as UserError).describe('en')).toContain(path);
        counts.refused++;
        continue;
      }
      expect(rows, `${f.kind} flip at ${f.at} (${f.what}) was read as different rows`).toBe(baseline);
      counts.same++;
    }
    // Every flip inside compressed data, and in a checksum or size, changes what the part holds or claims: refused.
    for (const [what, c] of tally) if (what.endsWith(' data')) expect(c.same, what).toBe(0);
    expect(all.length).toBeGreaterThan(1500);
    expect([...tally.values()].reduce((n, c) => n + c.refused, 0)).toBeGreaterThan(all.length / 2);
  }, 120_000);

  it('imports exactly the original figures or nothing, through the importer', async () => {
    const dir = tempDir();
    const book = await sepBook();
    const options = { kind: 'receipts' as const, actor: 'flip', kaCode: 'RTM', dryRun: true };
    const original_ = await importFile(book, SOURCE, options);
    expect(original_.errors).toEqual([]);
    const figures = JSON.stringify(original_.newDocuments);
    // Every seventh flip, spread over all regions.
    for (const [i, f] of all.entries()) {
      if (i % 7) continue;
      const path = join(dir, `flip-${i}.xlsx`);
      writeFileSync(path, flipped(original, f));
      try {
        const r = await importFile(book, path, options);
        if (r.errorCount) expect(r.errors.every((e) => e.file === path)).toBe(true);
        else expect(JSON.stringify(r.newDocuments), `${f.kind} flip at ${f.at} (${f.what})`).toBe(figures);
      } catch (e) {
        expect(e).toBeInstanceOf(UserError);
        expect((e as UserError).describe('en')).toContain(path);
      }
    }
    book.close();
  }, 60_000);

  it('ends the command with exit 1 and the file named, or with the original figures, for a sample of flips', async () => {
    const dir = tempDir();
    const seeded = await sepBook();
    const book = seeded.path;
    seeded.close();
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, KA_SETTLE_LANG: 'en' } });
    const figuresOf = (stdout: string) => JSON.stringify((JSON.parse(stdout) as { files: { newDocuments: unknown }[] }).files[0]!.newDocuments);
    const good = run('import', book, 'receipts', SOURCE, '--ka', 'RTM', '--dry-run', '--json');
    expect(good.status, good.stderr).toBe(0);
    const figures = figuresOf(good.stdout);
    // One flip in each region kind (the eight corrupted files were of these kinds), in the middle of it.
    const sample = regions(original).filter((r, i, rs) => rs.findIndex((x) => x.what.replace(/^.* /, '') === r.what.replace(/^.* /, '')) === i || r.what.includes('sheet1.xml data'));
    expect(sample.length).toBeGreaterThanOrEqual(4);
    let refused = 0;
    for (const [i, r] of sample.entries()) {
      const path = join(dir, `cli-flip-${i}.xlsx`);
      const at = Math.floor((r.start + r.end) / 2);
      writeFileSync(path, flipped(original, { what: r.what, at, kind: 'bit' }));
      const res = run('import', book, 'receipts', path, '--ka', 'RTM', '--dry-run', '--json');
      expect([0, 1], `${r.what}: exit ${res.status} ${res.stderr}`).toContain(res.status);
      if (res.status === 1) {
        refused++;
        expect(res.stdout + res.stderr, r.what).toContain(path);
        expect(res.stdout + res.stderr, r.what).not.toMatch(/internal error|内部错误/);
      } else {
        expect(figuresOf(res.stdout), r.what).toBe(figures);
      }
    }
    expect(refused).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
