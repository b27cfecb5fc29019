// Regenerates test/fixtures/security/: the files issue 17 named as regression cases.
//   receipts-corrupt.xlsx — the portal receipts workbook (test/fixtures/import/receipts-portal.xlsx) with one byte of
//   its compressed sheet changed (offset 895 set to 0xF3): a preview of it once never finished, and with it every later
//   call of the window's background thread.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
mkdirSync(`${fixtures}security`, { recursive: true });
const workbook = readFileSync(`${fixtures}import/receipts-portal.xlsx`);
workbook[895] = 0xf3;
writeFileSync(`${fixtures}security/receipts-corrupt.xlsx`, workbook);
console.log('wrote test/fixtures/security/receipts-corrupt.xlsx');
