import { commandLanguage, isUserError } from '../core/errors.js';
import { processIo, type Io } from './io.js';
export { unfinishedMessage } from './activity.js';
import { usageText, UsageError } from './usage.js';
import { renderMessage } from '../locale/index.js';

type Command = (args: string[], io: Io) => Promise<number>;

/**
 * Each command's module is loaded when it is run: loading them all (with the xlsx, PDF, zip and PostgreSQL
 * libraries behind them) cost every run of the command — one `show` as much as a month's close — over a second of
 * start-up before it read its arguments.
 */
function onUse<M>(load: () => Promise<M>, pick: (m: M) => Command): Command {
  return async (args, io) => pick(await load())(args, io);
}

const COMMANDS: Record<string, Command> = {
  init: onUse(() => import('./commands/init.js'), (m) => m.initCommand),
  demo: onUse(() => import('./commands/demo.js'), (m) => m.demoCommand),
  show: onUse(() => import('./commands/show.js'), (m) => m.showCommand),
  check: onUse(() => import('./commands/check.js'), (m) => m.checkCommand),
  import: onUse(() => import('./commands/import.js'), (m) => m.importCommand),
  reconcile: onUse(() => import('./commands/reconcile.js'), (m) => m.reconcileCommand),
  deductions: onUse(() => import('./commands/deductions.js'), (m) => m.deductionsCommand),
  claims: onUse(() => import('./commands/claims.js'), (m) => m.claimsCommand),
  accrue: onUse(() => import('./commands/accrue.js'), (m) => m.accrueCommand),
  terms: onUse(() => import('./commands/terms.js'), (m) => m.termsCommand),
  users: onUse(() => import('./commands/users.js'), (m) => m.usersCommand),
  close: onUse(() => import('./commands/close.js'), (m) => m.closeCommand),
  statement: onUse(() => import('./commands/statement.js'), (m) => m.statementCommand),
  ageing: onUse(() => import('./commands/ageing.js'), (m) => m.ageingCommand),
  invoices: onUse(() => import('./commands/invoices.js'), (m) => m.invoicesCommand),
  credit: onUse(() => import('./commands/credit.js'), (m) => m.creditCommand),
  settings: onUse(() => import('./commands/settings.js'), (m) => m.settingsCommand),
  serve: onUse(() => import('./commands/serve.js'), (m) => m.serveCommand),
  vouchers: onUse(() => import('./commands/vouchers.js'), (m) => m.vouchersCommand),
  reverse: onUse(() => import('./commands/reverse.js'), (m) => m.reverseCommand),
  reallocate: onUse(() => import('./commands/reallocate.js'), (m) => m.reallocateCommand),
  login: onUse(() => import('./commands/login.js'), (m) => m.loginCommand),
  logout: onUse(() => import('./commands/login.js'), (m) => m.logoutCommand),
  package: onUse(() => import('./commands/package.js'), (m) => m.packageCommand),
  hq: onUse(() => import('./commands/hq.js'), (m) => m.hqCommand),
};

function isParseArgsError(e: unknown): e is TypeError & { code: string } {
  return e instanceof TypeError && 'code' in e && typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS');
}

/** Runs one command and returns its exit status: 0 ok, 1 a user error, 2 a usage error. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes('--json');
  const lang = commandLanguage(io.env);
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(usageText(lang));
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out('ka-settle 0.1.0');
    return 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError('usage.unknown-command', { name });
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(usageText(lang));
      return 0;
    }
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      const mistake = e instanceof UsageError ? e : UsageError.fromParseArgs(e);
      const message = mistake.render(lang);
      if (json) io.out(JSON.stringify({ error: { code: 'usage', message, usage: mistake.code, params: mistake.params } }));
      io.err(`ka-settle: ${message}\n${renderMessage(lang, { code: 'usage.run-help' })}`);
      return 2;
    }
    if (isUserError(e)) {
      if (json) io.out(JSON.stringify({ error: { code: e.code, message: e.render(lang), params: e.params, ...e.place } }));
      else io.err(`ka-settle: ${e.describe(lang)}`);
      return 1;
    }
    // Another ka-settle holding the book's write lock past the busy timeout: the user can simply try again.
    if (e instanceof Error && 'code' in e && (e.code === 'SQLITE_BUSY' || e.code === 'SQLITE_LOCKED')) {
      const message = renderMessage(lang, { code: 'error.book-busy' });
      if (json) io.out(JSON.stringify({ error: { code: 'book-busy', message } }));
      else io.err(`ka-settle: ${message}`);
      return 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    if (json) io.out(JSON.stringify({ error: { code: 'internal', message } }));
    io.err(`ka-settle: ${renderMessage(lang, { code: 'cli.internal-error', params: { message } })}`);
    if (io.env.KA_SETTLE_DEBUG && e instanceof Error) io.err(e.stack ?? '');
    return 1;
  }
}
