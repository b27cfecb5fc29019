import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDemoBook } from '../../core/demo/create-demo-book.js';
import { DEMO_SCALES, type DemoScale } from '../../core/demo/generate-demo.js';
import { bookSummary } from '../../core/views/book-views.js';
import { UserError } from '../../core/errors.js';
import { COMMON_OPTIONS, resolveActor } from '../context.js';
import { printJson, printRows, type Io } from '../io.js';
import { UsageError } from '../usage.js';
import { wordsOf } from '../words.js';

export async function demoCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { ...COMMON_OPTIONS, seed: { type: 'string', default: '1' }, scale: { type: 'string', default: 'small' }, from: { type: 'string' }, raw: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new UsageError('usage.needs-one-book', { command: 'demo' });
  if (!(values.scale in DEMO_SCALES)) throw new UsageError('usage.one-of', { option: '--scale', values: Object.keys(DEMO_SCALES).join(', ') });
  if (!/^\d+$/.test(values.seed)) throw new UsageError('usage.demo-seed');
  const path = positionals[0]!;
  if (existsSync(path)) throw new UserError('book.exists', {}, { file: path });

  const started = Date.now();
  const book = await createDemoBook(path, resolveActor(io, values.user), { seed: Number(values.seed), scale: values.scale as DemoScale, settle: !values.raw, ...(values.from ? { from: values.from } : {}) });
  const summary = bookSummary(book);
  book.close();
  const seconds = (Date.now() - started) / 1000;
  if (values.json) {
    printJson(io, { book: path, seconds, ...summary });
    return 0;
  }
  io.out(wordsOf(io).w('cli.demo-built', { book: path, seed: values.seed, scale: values.scale, seconds: seconds.toFixed(1) }));
  printRows(io, summary.documents, false);
  return 0;
}
