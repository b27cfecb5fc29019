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
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
