import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBookFile } from '../../../core/book/book-file.js';
import { createBook, makeBookAt } from '../../../core/book/create-book.js';
import { tempDir } from '../../helpers/temp-book.js';

const idOf = (path: string) => {
  const db = new Database(path);
  try {
    return (db.prepare("SELECT value FROM book_info WHERE key = 'id'").get() as { value: string }).value;
  } finally {
    db.close();
  }
};

describe('a book file', () => {
  it('appears whole or not at all: a build that fails leaves nothing at its path and nothing beside it', async () => {
    const dir = tempDir();
    const path = join(dir, 'new.kasettle');
    await expect(buildBookFile(path, async (temp) => {
      (await makeBookAt(temp, 'tester', 'new')).close();
      throw new Error('interrupted');
    }, { replace: false })).rejects.toThrow('interrupted');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is never overwritten by a new book, and replaces an old one only when nobody has it open', async () => {
    const dir = tempDir();
    const path = join(dir, 'kept.kasettle');
    writeFileSync(path, 'somebody else’s file');
    await expect(createBook(path, 'tester')).rejects.toThrow(/already exists/);
    expect(readFileSync(path, 'utf8')).toBe('somebody else’s file');

    const book = join(dir, 'book.kasettle');
    (await createBook(book, 'tester')).close();
    const before = idOf(book);
    const other = new Database(book);
    other.prepare('SELECT count(*) FROM audit_log').get();
    await expect(buildBookFile(book, async (temp) => (await makeBookAt(temp, 'tester', 'x')).close(), { replace: true })).rejects.toThrow(/open in another program/);
    expect(idOf(book)).toBe(before);
    other.close();
    await buildBookFile(book, async (temp) => (await makeBookAt(temp, 'tester', 'x')).close(), { replace: true });
    expect(idOf(book)).not.toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['book.kasettle', 'kept.kasettle']);
    expect(existsSync(`${book}-wal`)).toBe(false);
  });
});
