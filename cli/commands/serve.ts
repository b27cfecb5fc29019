import { parseArgs } from 'node:util';
import { serveBridge } from '../../bridge/serve.js';
import { openExistingBook } from '../../core/book/open-book.js';
import { COMMON_OPTIONS, resolveActor } from '../context.js';
import type { Io } from '../io.js';
import { UsageError } from '../usage.js';

/** `ka-settle serve BOOK [--port N]`: the service contract over HTTP on 127.0.0.1, until interrupted. */
export async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON_OPTIONS, port: { type: 'string' } } });
  const [path] = positionals;
  if (!path) throw new UsageError('serve needs a BOOK');
  if (values.port && !/^\d{1,5}$/.test(values.port)) throw new UsageError('--port takes a number');
  const book = await openExistingBook(path);
  const bridge = await serveBridge(book, { port: values.port ? Number(values.port) : 0, actor: resolveActor(io, values.user) });
  io.out(JSON.stringify({ url: bridge.url, token: bridge.token }));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await bridge.close();
  book.close();
  return 0;
}
