import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createBook } from '../../core/book/create-book.js';
import type { Book } from '../../db/connection.js';

const dirs: string[] = [];
const books: Book[] = [];

afterEach(() => {
  for (const b of books.splice(0)) b.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh folder under the system temp dir, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ka-settle-test-'));
  dirs.push(dir);
  return dir;
}

/** A real book file (not :memory:), created through the product's own path, closed after the test. */
export async function tempBook(name = 'test.kasettle'): Promise<Book> {
  const book = await createBook(join(tempDir(), name), 'tester');
  books.push(book);
  return book;
}

export function track(book: Book): Book {
  books.push(book);
  return book;
}
