import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { reconcilePeriod } from '../../core/reconcile/reconcile-period.js';
import { addPeople } from '../helpers/people.js';
import { importOk, QUIRKS, SEP, sepBook } from '../helpers/sep-book.js';
import { tempDir } from '../helpers/temp-book.js';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const BIN = fileURLToPath(new URL('../../bin/ka-settle.js', import.meta.url));

/**
 * The command in this process (fast), with its own environment. Passwords never come from standard input here (it
 * would wait for one): a case without a password passes KA_SETTLE_PASSWORD empty.
 */
async function ka(env: Record<string, string>, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => void out.push(t), err: (t) => void err.push(t), env: { KA_SETTLE_LANG: 'en', KA_SETTLE_SESSIONS: sessions, ...env } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A one-page PDF with a line of text, written by hand (objects, cross-reference table, trailer). */
function minimalPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 12 Tf 72 760 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 12 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

let dir: string;
let sessions: string;
let book: string;
let claim: string;
const actors = () => {
  const db = new Database(book, { readonly: true });
  try {
    return (db.prepare('SELECT DISTINCT actor FROM audit_log').all() as { actor: string }[]).map((r) => r.actor).sort();
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  const b = await sepBook();
  await importOk(b, 'deliveries', `${SEP}10-deliveries.csv`);
  await importOk(b, 'receipts', `${SEP}11-receipts-rtm.csv`);
  await importOk(b, 'deductions', `${SEP}13-deductions-rtm.csv`, { date: '2026-09-30' });
  await importOk(b, 'contracts', `${QUIRKS}contracts.json`);
  reconcilePeriod(b, { period: '2026-09', actor: 'tester', asOf: '2026-10-05' });
  addPeople(b);
  dir = mkdtempSync(join(tmpdir(), 'ka-settle-cli-security-'));
  sessions = join(dir, 'sessions');
  book = join(dir, 'sep.kasettle');
  await b.db.backup(book);
  b.close();
  const claims = JSON.parse((await ka({}, 'claims', book, '--json')).out) as { claims: { id: number }[] };
  claim = String(claims.claims[0]!.id);
  expect((await ka({ KA_SETTLE_PASSWORD: 'wang-pass-1' }, 'claims', book, '--submit', claim, '--user', 'wang')).code).toBe(0);
}, 60_000);

describe('writes in the command', () => {
  it('refuse an unproven --user: the issue’s `claims --approve … --user manufacturer-cfo` goes nowhere near the audit log', async () => {
    const named = await ka({ KA_SETTLE_PASSWORD: '' }, 'claims', book, '--approve', claim, '--user', 'manufacturer-cfo');
    expect(named.code).toBe(1);
    expect(named.err).toContain('a password is needed');
    const guessed = await ka({ KA_SETTLE_PASSWORD: 'guess' }, 'claims', book, '--approve', claim, '--user', 'manufacturer-cfo');
    expect(guessed.code).toBe(1);
    expect(guessed.err).toContain('wrong user name or password');
    const nobody = await ka({}, 'reconcile', book, '--period', '2026-09');
    expect(nobody.code).toBe(1);
    expect(nobody.err).toContain('reconciling and deciding needs a signed-in user');
    for (const args of [['import', book, 'deliveries', `${SEP}10-deliveries.csv`], ['accrue', book, '--period', '2026-09'], ['deductions', book, '--reclassify', '1', '--fee-type', 'display']]) {
      expect((await ka({}, ...args)).code).toBe(1);
    }
    // A dry run writes nothing, so it needs no one.
    expect((await ka({}, 'import', book, 'deliveries', `${SEP}10-deliveries.csv`, '--dry-run')).code).toBe(0);
    // The accountant may not approve a claim; the credit controller may.
    expect((await ka({ KA_SETTLE_PASSWORD: 'wang-pass-1' }, 'claims', book, '--approve', claim, '--user', 'wang')).err).toMatch(/wang is Accountant: approving fee claims needs Credit controller, Manager/);
    expect((await ka({ KA_SETTLE_PASSWORD: 'li-pass-1' }, 'claims', book, '--approve', claim, '--user', 'li')).out).toMatch(/approved/i);
    expect(actors()).not.toContain('manufacturer-cfo');
    expect(actors()).toContain('li');
  });

  it('sign in once with `ka-settle login`: the token is saved for the book, its hash in the book, and logout ends it', async () => {
    const login = await ka({ KA_SETTLE_PASSWORD: 'wang-pass-1' }, 'login', book, '--user', 'wang', '--hours', '2', '--json');
    expect(login.code).toBe(0);
    const s = JSON.parse(login.out) as { user: string; token: string; saved: string; expiresAt: string };
    expect(s).toMatchObject({ user: 'wang', token: expect.stringMatching(/^kas1_/) });
    expect(s.saved.startsWith(sessions)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(s.saved).mode & 0o777).toBe(0o600);
    const db = new Database(book, { readonly: true });
    expect(JSON.stringify(db.prepare('SELECT * FROM user_sessions').all())).not.toContain(s.token);
    db.close();
    // No password this time: the saved session signs the command.
    expect((await ka({}, 'reconcile', book, '--period', '2026-09')).code).toBe(0);
    expect((await ka({ KA_SETTLE_PASSWORD: '' }, 'reconcile', book, '--period', '2026-09', '--user', 'li')).err).toContain('a password is needed');
    // A script may pass another session in the environment instead.
    const li = JSON.parse((await ka({ KA_SETTLE_PASSWORD: 'li-pass-1' }, 'login', book, '--user', 'li', '--no-save', '--json')).out) as { token: string; saved: null };
    expect(li.saved).toBeNull();
    expect((await ka({ KA_SETTLE_SESSION: li.token }, 'reconcile', book, '--period', '2026-09', '--user', 'wang')).err).toContain('is not the user of the current session, li');
    expect((await ka({}, 'logout', book)).out).toContain('signed out wang');
    expect(existsSync(s.saved)).toBe(false);
    expect((await ka({}, 'reconcile', book, '--period', '2026-09')).code).toBe(1);
    expect((await ka({ KA_SETTLE_SESSION: s.token }, 'reconcile', book, '--period', '2026-09')).err).toContain('no longer good (revoked)');
    expect(readdirSync(sessions)).toEqual([]);
  });

  it('in a book without users, work and say in every write that the book is unprotected', async () => {
    const open = join(tempDir(), 'open.kasettle');
    expect((await ka({}, 'init', open)).code).toBe(0);
    const r = await ka({ KA_SETTLE_USER: 'whoever' }, 'import', open, 'manufacturers', `${SEP}01-manufacturers.csv`);
    expect(r.code).toBe(0);
    expect(r.err).toContain('this book has no users and is unprotected');
    expect(r.err).toContain('whoever');
  });

  it('read the password from standard input in the real command, and lock a name after repeated failures', async () => {
    const run = (input: string, ...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, env: { ...process.env, KA_SETTLE_LANG: 'en', KA_SETTLE_SESSIONS: sessions } });
    expect(run('zhao-pass-1\n', 'reconcile', book, '--period', '2026-09', '--user', 'zhao').status).toBe(0);
    for (let i = 0; i < 5; i++) expect((await ka({ KA_SETTLE_PASSWORD: 'nope' }, 'reconcile', book, '--period', '2026-09', '--user', 'zhao')).err).toContain('wrong user name or password');
    const locked = run('zhao-pass-1\n', 'reconcile', book, '--period', '2026-09', '--user', 'zhao');
    expect(locked.status).toBe(1);
    expect(locked.stderr).toMatch(/zhao failed to sign in 5 times in a row and is locked until/);
  }, 60_000);

  it('checks a book against a file only of a kind it can read, and says when a PDF carries no signature marks', async () => {
    const note = join(dir, 'note.txt');
    writeFileSync(note, 'hello');
    expect((await ka({}, 'check', book, '--against', note)).err).toContain('is not a kind of file --against reads; it reads .pdf');
    const plain = join(dir, 'plain.pdf');
    writeFileSync(plain, minimalPdf('an ordinary letter, not a signed statement'));
    const r = await ka({}, 'check', book, '--against', plain);
    expect(r.code).toBe(1);
    expect(r.err).toContain('has no ka-settle verification marks');
  }, 60_000);
});
