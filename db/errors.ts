/**
 * The book's own refusals arrive as SQLite errors raised by its triggers and constraints. This reads them back
 * into something the layers above can name to a user.
 *
 * The triggers' messages are constant (`period-closed`, `immutable:<table>`, see migration 0012): a message built
 * from an expression needs SQLite 3.47, and the book must open in 3.37. So a period-closed refusal does not say
 * which period: the writer knows the date of what it wrote and names it (core/ledger/book-errors.ts). Books made
 * before 0012 said `period-closed:YYYY-MM`; that form is still read.
 */
export type BookRefusal =
  | { code: 'period-closed'; period: string | undefined }
  | { code: 'period-closed-later' }
  | { code: 'immutable'; table: string }
  | { code: 'correction'; what: 'version-in-force' | 'not-a-mirror' }
  | { code: 'duplicate'; detail: string }
  | { code: 'constraint'; detail: string };

/**
 * A refusal the book's own code makes where a trigger would have (db/queries/posting-locks.ts checks a whole import at
 * once): the trigger's message, read as SQLite's own refusals are.
 */
export class BookRefusalError extends Error {
  readonly code = 'SQLITE_CONSTRAINT_TRIGGER';
  constructor(message: string) {
    super(message);
    this.name = 'BookRefusalError';
  }
}

export function readRefusal(error: unknown): BookRefusal | undefined {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string' || !error.code.startsWith('SQLITE_CONSTRAINT')) {
    return undefined;
  }
  if (/period-closed-later/.test(error.message)) return { code: 'period-closed-later' };
  const closed = /period-closed(?::(\d{4}-\d{2}))?/.exec(error.message);
  if (closed) return { code: 'period-closed', period: closed[1] };
  const correction = /correction:(version-in-force|not-a-mirror)/.exec(error.message);
  if (correction) return { code: 'correction', what: correction[1] as 'version-in-force' | 'not-a-mirror' };
  const immutable = /immutable:(\w+)/.exec(error.message);
  if (immutable) return { code: 'immutable', table: immutable[1]! };
  if (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { code: 'duplicate', detail: error.message };
  }
  return { code: 'constraint', detail: error.message };
}
