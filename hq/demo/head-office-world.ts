import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { acceptCloseExceptions, approvePeriod, preparePeriod, reviewPeriod } from '../../core/close/close-period.js';
import { periodsBetween, addMonths } from '../../core/calendar/dates.js';
import { canonicalJson, sha256Hex } from '../../core/canonical-json.js';
import { createDemoBook } from '../../core/demo/create-demo-book.js';
import { DEFAULT_DEMO_FROM } from '../../core/demo/generate-demo.js';
import { UserError } from '../../core/errors.js';
import { amountInCapitals } from '../../core/money/capitals.js';
import { buildPackage, signBody } from '../../core/package/build-package.js';
import type { PackageBody, PackageEnvelope } from '../../core/package/package-format.js';
import { keyIdOf } from '../../core/package/signing-key.js';
import { addUser, signIn } from '../../core/users/users.js';

/**
 * The head office's demo world: many distributors × twelve months of signed packages, made from the demo
 * generator. Building hundreds of full demo books (a year each, closed month by month) would take hours, so a few
 * real books are built with different seeds and closed for real — their packages are genuine — and each further
 * distributor is one of those distributors' year, re-identified (its own key, code and name) and with every amount
 * and quantity multiplied by a small whole factor (1, 2 or 3). Multiplying by a whole number keeps every sum of
 * the statement exact (Σ k·x = k·Σ x), so each package is as consistent as the one it came from and verifies like it;
 * prices, rates, counts and dates are left as they were.
 */

/** Numbers that are not amounts or quantities: counts, versions, prices. Everything else numeric is scaled. */
const NOT_SCALED = new Set(['version', 'edition', 'formatVersion', 'lines', 'count', 'created', 'differences', 'disputedCount', 'matched', 'short', 'over',
  'priceDiff', 'receiptMissing', 'unexpectedReceiptLines', 'rows', 'claimsWrittenOff', 'minPriceE4', 'maxPriceE4', 'price_e4', 'months']);

export function scaleAmounts<T>(value: T, k: number, key = ''): T {
  if (typeof value === 'number') return (NOT_SCALED.has(key) ? value : value * k) as T;
  if (Array.isArray(value)) return value.map((v) => scaleAmounts(v, k, key)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([kk, v]) => [kk, scaleAmounts(v, k, kk)])) as T;
  }
  return value;
}

export interface TemplateMonth { seed: number; period: string; envelope: PackageEnvelope }

function closeAll(book: Awaited<ReturnType<typeof createDemoBook>>, months: string[]): void {
  addUser(book, null, { username: 'admin', role: 'admin', password: 'demo-admin-1' });
  const admin = signIn(book, 'admin', 'demo-admin-1');
  for (const [u, role] of [['wang', 'accountant'], ['li', 'credit_controller'], ['zhao', 'manager']] as const) addUser(book, admin, { username: u, role, password: `${u}-demo-1` });
  const [wang, li, zhao] = (['wang', 'li', 'zhao'] as const).map((u) => signIn(book, u, `${u}-demo-1`));
  for (const m of months) {
    try {
      preparePeriod(book, m, wang!);
    } catch (e) {
      if (!(e instanceof UserError) || e.code !== 'close.blocking') throw e;
      acceptCloseExceptions(book, m, 'all', 'demo: agreed with the KAs at month end', wang!);
      preparePeriod(book, m, wang!);
    }
    reviewPeriod(book, m, li!);
    approvePeriod(book, m, zhao!);
  }
}

/** The real packages of a few demo books (one per seed), each closed month by month; kept in `cache` once made. */
export async function templateMonths(cache: string, seeds: number[], onBook?: (seed: number, seconds: number) => void): Promise<TemplateMonth[]> {
  const months = periodsBetween(DEFAULT_DEMO_FROM, addMonths(DEFAULT_DEMO_FROM, 11));
  mkdirSync(cache, { recursive: true });
  const out: TemplateMonth[] = [];
  for (const seed of seeds) {
    const dir = join(cache, `seed-${seed}`);
    if (!existsSync(join(dir, 'done'))) {
      const started = Date.now();
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const book = await createDemoBook(join(dir, 'book.kasettle'), 'demo', { seed });
      try {
        closeAll(book, months);
        for (const m of months) writeFileSync(join(dir, `${m}.json`), JSON.stringify(buildPackage(book, m, 'wang')));
      } finally {
        book.close();
      }
      writeFileSync(join(dir, 'done'), '');
      onBook?.(seed, (Date.now() - started) / 1000);
    }
    for (const f of readdirSync(dir).filter((x) => /^\d{4}-\d{2}\.json$/.test(x)).sort()) {
      out.push({ seed, period: f.slice(0, 7), envelope: JSON.parse(readFileSync(join(dir, f), 'utf8')) as PackageEnvelope });
    }
  }
  return out;
}

/** One template distributor's part of a template month. */
function partOf(body: PackageBody, code: string): PackageBody {
  const mine = <T extends { distributor: string }>(rows: T[]) => rows.filter((r) => r.distributor === code);
  return { ...body, statements: body.statements.filter((s) => s.distributor.code === code), openItems: mine(body.openItems), deductions: mine(body.deductions),
    claims: mine(body.claims), accruals: mine(body.accruals), sales: mine(body.sales) };
}

export interface DemoSender { index: number; code: string; name: string; region: string | null; factor: number; keyId: string; publicPem: string; privatePem: string; template: { seed: number; distributor: string } }

/** The synthetic distributors: each with its own key, and the template distributor and factor it is made from. */
export function demoSenders(count: number, templates: TemplateMonth[]): DemoSender[] {
  const first = templates.filter((t) => t.period === templates[0]!.period);
  const slots = first.flatMap((t) => t.envelope.body.statements.map((s) => ({ seed: t.seed, distributor: s.distributor })));
  return Array.from({ length: count }, (_, i) => {
    const slot = slots[i % slots.length]!;
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const code = `D${String(i + 1).padStart(3, '0')}`;
    return {
      index: i, code, name: `${slot.distributor.region ?? ''}经销商${String(i + 1).padStart(3, '0')}号`, region: slot.distributor.region, factor: 1 + (i % 3),
      keyId: keyIdOf(publicPem), publicPem, privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      template: { seed: slot.seed, distributor: slot.distributor.code },
    };
  });
}

/** A synthetic distributor's month: its template's part, re-identified and scaled, with its statement hash and signature made anew. */
export function demoPackage(sender: DemoSender, template: PackageBody): PackageEnvelope {
  const part = scaleAmounts(partOf(template, sender.template.distributor), sender.factor);
  const rename = <T extends { distributor: string }>(rows: T[]) => rows.map((r) => ({ ...r, distributor: sender.code }));
  const statements = part.statements.map((s) => {
    const content = { ...(s.content as Record<string, unknown>), distributor: { code: sender.code, name: sender.name } } as unknown as Record<string, unknown> & { netDue: { fromManufacturer: number; inCapitals: string } };
    content.netDue = { ...content.netDue, inCapitals: amountInCapitals(content.netDue.fromManufacturer) };
    return { ...s, distributor: { code: sender.code, name: sender.name, region: sender.region }, content, sha256: sha256Hex(canonicalJson(content)) };
  });
  const body: PackageBody = {
    ...part, sender: { bookId: `demo-${sender.code}`, book: `${sender.name}账套`, keyId: sender.keyId }, statements,
    openItems: rename(part.openItems), deductions: rename(part.deductions), claims: rename(part.claims), accruals: rename(part.accruals), sales: rename(part.sales),
    auditHead: template.auditHead,
  };
  return signBody(body, sender.privatePem, sender.keyId);
}

/** The public-key file a synthetic distributor's book would export. */
export function demoKeyFile(sender: DemoSender, manufacturer: { code: string; name: string }) {
  return { format: 'ka-settle/public-key', formatVersion: 1, algorithm: 'ed25519', keyId: sender.keyId, publicKey: sender.publicPem, book: `${sender.name}账套`,
    createdAt: '2025-11-01T00:00:00.000Z', manufacturer, distributors: [{ code: sender.code, name: sender.name, region: sender.region }] };
}

/**
 * Writes the world into `folder`: keys/<code>.json and packages/<period>/<code>.package.gz for every synthetic
 * distributor and month. Returns the files, keys first.
 */
export function writeDemoWorld(folder: string, senders: DemoSender[], templates: TemplateMonth[]): { keys: string[]; packages: string[] } {
  const byTemplate = new Map(templates.map((t) => [`${t.seed}|${t.period}`, t.envelope.body]));
  const periods = [...new Set(templates.map((t) => t.period))].sort();
  const keys: string[] = [];
  const packages: string[] = [];
  mkdirSync(join(folder, 'keys'), { recursive: true });
  const manufacturer = templates[0]!.envelope.body.manufacturer;
  for (const s of senders) {
    const file = join(folder, 'keys', `${s.code}.json`);
    writeFileSync(file, JSON.stringify(demoKeyFile(s, manufacturer)));
    keys.push(file);
  }
  for (const period of periods) {
    mkdirSync(join(folder, 'packages', period), { recursive: true });
    for (const s of senders) {
      const file = join(folder, 'packages', period, `${s.code}.package.gz`);
      writeFileSync(file, gzipSync(JSON.stringify(demoPackage(s, byTemplate.get(`${s.template.seed}|${period}`)!)), { level: 1 }));
      packages.push(file);
    }
  }
  return { keys, packages };
}
