import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { serveBridge } from '../../bridge/serve.js';
import { defaultBookFolder } from '../../core/book/book-location.js';
import type { MessageCode, Params } from '../../locale/index.js';
import { UserError } from '../../core/errors.js';
import { BookHost } from '../../services/book-host.js';
import { COMMON_OPTIONS, resolveActor } from '../context.js';
import type { Io } from '../io.js';
import { UsageError } from '../usage.js';

/**
 * `ka-settle serve [BOOK] [--port N]`: the window in the browser (`npm run web`) — the built renderer and the
 * service contract on 127.0.0.1 until interrupted. Prints one JSON line: the address with its token.
 */
export async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON_OPTIONS, port: { type: 'string' } } });
  if (positionals.length > 1) throw new UsageError('usage.serve-one-book');
  if (values.port && !/^\d{1,5}$/.test(values.port)) throw new UsageError('usage.takes-number', { option: '--port' });
  const home = defaultBookFolder(io.env);
  const host = new BookHost({ home, actor: resolveActor(io, values.user), logFile: join(home, 'ka-settle.log') });
  if (positionals[0]) {
    const opened = await host.call('app.openBook', { path: positionals[0] });
    if (!opened.ok) {
      await host.close();
      throw new UserError(opened.error.code as MessageCode, (opened.error.params ?? {}) as Params, { file: positionals[0] });
    }
  }
  const staticDir = fileURLToPath(new URL('../../renderer/', import.meta.url));
  const bridge = await serveBridge(host, { port: values.port ? Number(values.port) : 0, staticDir, workDir: join(home, '.bridge') });
  io.out(JSON.stringify({ url: bridge.url, token: bridge.token, open: `${bridge.url}/#token=${bridge.token}` }));
  if (!values.json) io.err(`ka-settle is running. Open ${bridge.url}/#token=${bridge.token} in your browser; Ctrl+C stops it.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await bridge.close();
  await host.close();
  return 0;
}
