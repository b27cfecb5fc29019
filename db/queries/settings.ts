import type { Book } from '../connection.js';
import { stmt } from '../statements.js';

export function getSettingJson(book: Book, key: string): string | undefined {
  return stmt<[string], { value_json: string }>(book.db, 'SELECT value_json FROM settings WHERE key = ?').get(key)?.value_json;
}

export function setSettingJson(book: Book, key: string, valueJson: string, by: string): void {
  stmt(book.db, `INSERT INTO settings (key, value_json, changed_by, changed_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, changed_by = excluded.changed_by, changed_at = excluded.changed_at`)
    .run(key, valueJson, by, new Date().toISOString());
}

export function listSettings(book: Book): { key: string; value_json: string; changed_by: string; changed_at: string }[] {
  return stmt<[], { key: string; value_json: string; changed_by: string; changed_at: string }>(book.db,
    'SELECT key, value_json, changed_by, changed_at FROM settings ORDER BY key').all();
}
