/**
 * The book's own refusals arrive as SQLite errors raised by its triggers and constraints. This reads them back
 * into something the layers above can name to a user.
 */
export type BookRefusal =
  | { code: 'period-closed'; period: string }
  | { code: 'period-closed-later' }
  | { code: 'immutable'; table: string }
  | { code: 'correction'; what: 'version-in-force' | 'not-a-mirror' }
  | { code: 'duplicate'; detail: string }
  | { code: 'constraint'; detail: string };

export function readRefusal(error: unknown): BookRefusal | undefined {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string' || !error.code.startsWith('SQLITE_CONSTRAINT')) {
    return undefined;
  }
  if (/period-closed-later/.test(error.message)) return { code: 'period-closed-later' };
  const closed = /period-closed:(\d{4}-\d{2})/.exec(error.message);
  if (closed) return { code: 'period-closed', period: closed[1]! };
  const correction = /correction:(version-in-force|not-a-mirror)/.exec(error.message);
  if (correction) return { code: 'correction', what: correction[1] as 'version-in-force' | 'not-a-mirror' };
  const immutable = /immutable:(\w+)/.exec(error.message);
  if (immutable) return { code: 'immutable', table: immutable[1]! };
  if (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { code: 'duplicate', detail: error.message };
  }
  return { code: 'constraint', detail: error.message };
}
