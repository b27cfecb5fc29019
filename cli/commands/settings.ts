import { parseArgs } from 'node:util';
import { openExistingBook } from '../../core/book/open-book.js';
import { bookSettings, changeSetting } from '../../core/settings/book-settings.js';
import { COMMON_OPTIONS } from '../context.js';
import { printJson, type Io } from '../io.js';
import { signInFromCli } from '../sign-in.js';
import { UsageError } from '../usage.js';
import { localDateOf } from '../../core/calendar/dates.js';
import { wordsOf } from '../words.js';

/** `ka-settle settings BOOK` lists the book's settings; `--set KEY=JSON --user U` changes one. */
export async function settingsCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...COMMON_OPTIONS, set: { type: 'string' } } });
  const [path] = positionals;
  if (!path) throw new UsageError('usage.needs-book', { command: 'settings' });
  const { w } = wordsOf(io);
  const book = await openExistingBook(path);
  try {
    if (values.set) {
      const at = values.set.indexOf('=');
      if (at <= 0) throw new UsageError('usage.settings-set');
      changeSetting(book, values.set.slice(0, at), values.set.slice(at + 1), await signInFromCli(book, io, values.user, 'settings'));
      io.out(w('cli.setting-set', { key: values.set.slice(0, at) }));
      return 0;
    }
    const settings = bookSettings(book);
    if (values.json) printJson(io, settings);
    else for (const s of settings) io.out(w('cli.setting-line', { key: s.key.padEnd(32), value: JSON.stringify(s.value), by: s.changedBy, date: localDateOf(s.changedAt) }));
    return 0;
  } finally {
    book.close();
  }
}
