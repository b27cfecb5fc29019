import type { bookZh } from '../zh/book.js';

export const bookEn: Record<keyof typeof bookZh, string> = {
  'book.not-found': 'no such book',
  'book.exists': 'a file of that name already exists',
  'book.not-a-book': 'not a ka-settle book',
  'book.newer-book': 'the book comes from a newer ka-settle (or needs an upgrade: open it for writing first); update ka-settle',
  'book.unknown-migrations': "the book's upgrade history is not this ka-settle's; refusing to open it",
  'book.damaged': 'the book is damaged ({{detail}}); restore its newest good backup',
  'book.backup-damaged': 'the backup is damaged ({{detail}}); choose another',
  'book.restore-from-itself': 'a book cannot be restored from itself',
  'book.backup-elsewhere': "only a backup from this book's backups folder can be restored",
  'book.no-book': 'no book is open: open or create one from the File menu',
  'book.sign-in-needed': '{{what}} needs a signed-in user: sign in at the top right',
  'book.demo-exists': 'a file of that name exists and is not a demo book; the demo only writes a new book',
  'book.demo-not-empty': 'the demo needs an empty book; this one already holds data',
  'book.invalid-seed': 'the seed must be a non-negative whole number, not {{seed}}',
  'book.no-browser': 'printing a PDF needs Chromium, Chrome or Edge, and none was found; install one or set KA_SETTLE_BROWSER to its program file (or export .xlsx instead)',
  'book.browser-missing': 'KA_SETTLE_BROWSER names {{path}}, which does not exist',
  'book.print-failed': 'printing the PDF failed: {{detail}}',
  'work.cancelled': 'cancelled; the book is unchanged',
  'book.period-closed-unnamed': 'that period is closed: nothing dated in it can change; post a correction in an open period or ask an admin to reopen it',
  'book.in-use': 'the book is open in another program (a ka-settle window or command): close it first, then replace it',
};
