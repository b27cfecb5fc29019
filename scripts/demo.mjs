// `npm run demo`: the main job on the embedded default. Builds a fresh demo book in the default book folder
// (replacing an earlier demo book there, never a real one), reconciles its months, accrues the contract terms,
// explains one contract's figures, proves the book sound, and exports a statement.
//
// The whole book is built under a temporary name beside the demo book and replaces it only when every step has
// passed: killed at any moment, it leaves the earlier demo book as it was (the next run removes the stray file).
import { existsSync } from 'node:fs';

const { defaultDemoBookPath } = await import('../dist/core/book/book-location.js');
const { buildBookFile } = await import('../dist/core/book/book-file.js');
const { isDemoBook } = await import('../dist/core/demo/create-demo-book.js');
const { main } = await import('../dist/cli/main.js');

const path = process.argv[2] ?? defaultDemoBookPath();
const scale = process.argv[3] ?? 'small';
if (existsSync(path) && !(await isDemoBook(path))) {
  console.error(`demo: ${path} exists and is not a demo book; not touching it`);
  process.exit(1);
}

// `demo` reconciles every month of the year and accrues its last, as the window's demo book does; the steps after
// it show what an accountant then reads.

class StepFailed extends Error {
  constructor(code) {
    super(`a step failed with exit status ${code}`);
    this.code = code;
  }
}

/** Runs one command as a user would type it, on the book being built (shown under the demo book's own name). */
async function step(book, args, io) {
  const named = (text) => text.replaceAll(book, path);
  if (io === undefined) console.log(`\n$ ka-settle ${named(args.join(' '))}`);
  const shown = io ?? { out: (t) => console.log(named(t)), err: (t) => console.error(named(t)), env: process.env };
  const code = await main(args, shown);
  if (code !== 0) throw new StepFailed(code);
}

try {
  await buildBookFile(path, async (book) => {
    await step(book, ['demo', book, '--scale', scale]);
    await step(book, ['reconcile', book, '--period', '2026-10']);
    await step(book, ['terms', book, '--contract', 'HT-RTM-2025', '--period', '2026-10', '--explain']);
    await step(book, ['check', book]);
  }, { replace: true });
  await step(path, ['statement', path, '--period', '2026-10', '--distributor', 'D01', '--out', path.replace(/\.kasettle$/, '-D01-2026-10.xlsx')]);
} catch (e) {
  if (e instanceof StepFailed) process.exit(e.code);
  console.error(`demo: ${typeof e?.describe === 'function' ? e.describe() : e instanceof Error ? e.message : e}`);
  process.exit(1);
}
console.log(`\nThe demo book is ${path}. Open it in the window with \`npm run web\` (or \`npm start\`), or try: node bin/ka-settle.js reconcile "${path}" --period 2026-10 --lines --status short`);
