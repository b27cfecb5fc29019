#!/usr/bin/env node
// The `ka-settle` command. The TypeScript sources are compiled to dist/ by `npm run build`.
import { existsSync } from 'node:fs';
// Output piped into `head` and closed early is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('ka-settle: not built yet: run `npm run build` in the ka-settle folder first\n');
  process.exit(2);
}
const { main, unfinishedMessage } = await import(entry.href);
// A command whose work waits on something that can never come (a stream that neither ends nor fails) would let
// Node exit silently with status 13: say so, and exit 1 like any other failure.
let finished = false;
process.on('beforeExit', () => {
  if (finished) return;
  finished = true;
  process.stderr.write(`ka-settle: ${unfinishedMessage()}\n`);
  process.exitCode = 1;
});
const code = await main(process.argv.slice(2));
finished = true;
process.exitCode = code;
