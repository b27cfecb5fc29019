import { commandLanguage, isUserError } from '../core/errors.js';
import { checkCommand } from './commands/check.js';
import { demoCommand } from './commands/demo.js';
import { importCommand } from './commands/import.js';
import { reconcileCommand } from './commands/reconcile.js';
import { deductionsCommand } from './commands/deductions.js';
import { claimsCommand } from './commands/claims.js';
import { accrueCommand } from './commands/accrue.js';
import { termsCommand } from './commands/terms.js';
import { usersCommand } from './commands/users.js';
import { closeCommand } from './commands/close.js';
import { statementCommand } from './commands/statement.js';
import { ageingCommand } from './commands/ageing.js';
import { creditCommand } from './commands/credit.js';
import { settingsCommand } from './commands/settings.js';
import { serveCommand } from './commands/serve.js';
import { initCommand } from './commands/init.js';
import { showCommand } from './commands/show.js';
import { vouchersCommand } from './commands/vouchers.js';
import { reverseCommand } from './commands/reverse.js';
import { reallocateCommand } from './commands/reallocate.js';
import { loginCommand, logoutCommand } from './commands/login.js';
import { packageCommand } from './commands/package.js';
import { processIo, type Io } from './io.js';
export { unfinishedMessage } from './activity.js';
import { USAGE, UsageError } from './usage.js';

type Command = (args: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  init: initCommand,
  demo: demoCommand,
  show: showCommand,
  check: checkCommand,
  import: importCommand,
  reconcile: reconcileCommand,
  deductions: deductionsCommand,
  claims: claimsCommand,
  accrue: accrueCommand,
  terms: termsCommand,
  users: usersCommand,
  close: closeCommand,
  statement: statementCommand,
  ageing: ageingCommand,
  credit: creditCommand,
  settings: settingsCommand,
  serve: serveCommand,
  vouchers: vouchersCommand,
  reverse: reverseCommand,
  reallocate: reallocateCommand,
  login: loginCommand,
  logout: logoutCommand,
  package: packageCommand,
  // Loaded on use: PostgreSQL's client and PGlite cost every other command half a second to start.
  hq: async (args, io) => (await import('./commands/hq.js')).hqCommand(args, io),
};

function isParseArgsError(e: unknown): e is Error {
  return e instanceof TypeError && 'code' in e && typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS');
}

/** Runs one command and returns its exit status: 0 ok, 1 a user error, 2 a usage error. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  const json = rest.includes('--json');
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.out('ka-settle 0.1.0');
    return 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(USAGE);
      return 0;
    }
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      if (json) io.out(JSON.stringify({ error: { code: 'usage', message: e.message } }));
      io.err(`ka-settle: ${e.message}\nRun 'ka-settle help' for usage.`);
      return 2;
    }
    if (isUserError(e)) {
      const lang = commandLanguage(io.env);
      if (json) io.out(JSON.stringify({ error: { code: e.code, message: e.render(lang), params: e.params, ...e.place } }));
      else io.err(`ka-settle: ${e.describe(lang)}`);
      return 1;
    }
    // Another ka-settle holding the book's write lock past the busy timeout: the user can simply try again.
    if (e instanceof Error && 'code' in e && (e.code === 'SQLITE_BUSY' || e.code === 'SQLITE_LOCKED')) {
      const message = 'the book is busy: another ka-settle is writing to it; try again when it has finished';
      if (json) io.out(JSON.stringify({ error: { code: 'book-busy', message } }));
      else io.err(`ka-settle: ${message}`);
      return 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    if (json) io.out(JSON.stringify({ error: { code: 'internal', message } }));
    io.err(`ka-settle: internal error: ${message}`);
    if (io.env.KA_SETTLE_DEBUG && e instanceof Error) io.err(e.stack ?? '');
    return 1;
  }
}
