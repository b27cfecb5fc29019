// `npm run demo`: the main job on the embedded default. Builds a fresh demo book in the default book folder
// (replacing an earlier demo book there, never a real one), reconciles its last month, accrues the contract
// terms, explains one contract's figures, and proves the book sound.
import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';

const { defaultDemoBookPath } = await import('../dist/core/book/book-location.js');
const { main } = await import('../dist/cli/main.js');

const path = process.argv[2] ?? defaultDemoBookPath();
const scale = process.argv[3] ?? 'small';
if (existsSync(path)) {
  let isDemo = false;
  try {
    const db = new Database(path, { readonly: true });
    isDemo = db.prepare("SELECT 1 FROM book_info WHERE key = 'demo_seed'").get() !== undefined;
    db.close();
  } catch {
    isDemo = false;
  }
  if (!isDemo) {
    console.error(`demo: ${path} exists and is not a demo book; not touching it`);
    process.exit(1);
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

// `demo` reconciles every month of the year and accrues its last, as the window's demo book does; the steps after
// it show what an accountant then reads.
const steps = [
  ['demo', path, '--scale', scale],
  ['reconcile', path, '--period', '2026-10'],
  ['terms', path, '--contract', 'HT-RTM-2025', '--period', '2026-10', '--explain'],
  ['statement', path, '--period', '2026-10', '--distributor', 'D01', '--out', path.replace(/\.kasettle$/, '-D01-2026-10.xlsx')],
  ['check', path],
];
for (const args of steps) {
  console.log(`\n$ ka-settle ${args.join(' ')}`);
  const code = await main(args);
  if (code !== 0) process.exit(code);
}
console.log(`\nThe demo book is ${path}. Open it in the window with \`npm run web\` (or \`npm start\`), or try: node bin/ka-settle.js reconcile "${path}" --period 2026-10 --lines --status short`);
