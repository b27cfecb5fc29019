import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoBook } from '../core/demo/create-demo-book.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The code a demo book is made of: when any of it changes, the template is built again. */
const SOURCES = ['core', 'db', 'vocabulary', 'locale'];

function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|sql|json)$/.test(name)) hash.update(path.slice(ROOT.length)).update(readFileSync(path));
    }
  };
  for (const s of SOURCES) walk(join(ROOT, s));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds the reconciled demo book (every month reconciled, the last accrued — minutes under load) at most once per
 * run, and names it in KA_SETTLE_DEMO_TEMPLATE, which the test processes and the window hosts they start inherit:
 * every demo book of the same seed, scale and year is then a copy of it (core/demo/create-demo-book.ts). It is built
 * by the product's own function and kept, under a hash of the code that makes it, in node_modules/.cache, so a run
 * after a change to core/, db/, vocabulary/ or locale/ builds it afresh.
 */
export default async function setup(): Promise<void> {
  if (process.env.KA_SETTLE_DEMO_TEMPLATE) return;
  const dir = join(ROOT, 'node_modules', '.cache', 'ka-settle-demo');
  const name = `demo-${sourceHash()}.kasettle`;
  const path = join(dir, name);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    // templates of older code go; another run's template being built (….building) is left to it
    for (const old of readdirSync(dir)) if (!old.startsWith(name) && !old.endsWith('.building')) rmSync(join(dir, old), { force: true });
    const building = `${path}.${process.pid}.building`;
    const book = await createDemoBook(building, 'demo');
    book.close();
    renameSync(building, path);
  }
  process.env.KA_SETTLE_DEMO_TEMPLATE = path;
}
