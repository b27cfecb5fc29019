import { basename, resolve } from 'node:path';
import { createBook } from '../core/book/create-book.js';
import { openExistingBook, type Book } from '../core/book/open-book.js';
import { createDemoBook, isDemoBook } from '../core/demo/create-demo-book.js';
import { UserError } from '../core/errors.js';
import { RecentBooks } from './recent-books.js';
import { join } from 'node:path';

/**
 * The window's one open book (or none, before the user chooses), and who is working in it. Lives in the
 * background process beside the book connection; the window only ever sees its state through the contract.
 */
export class BookSession {
  book: Book | null = null;
  private demo = false;
  readonly recent: RecentBooks;

  constructor(readonly home: string, public actor: string) {
    this.recent = new RecentBooks(home);
  }

  get demoPath(): string {
    return join(this.home, 'demo.kasettle');
  }

  requireBook(): Book {
    if (!this.book) throw new UserError('no-book', 'no book is open: open or create one from the File menu');
    return this.book;
  }

  async open(path: string): Promise<void> {
    const full = resolve(path);
    const book = await openExistingBook(full);
    this.replace(book, await isDemoBook(full));
  }

  async create(path: string, demo: boolean): Promise<void> {
    const full = resolve(path);
    if (this.book && resolve(this.book.path) === full) this.close();
    const book = demo ? await createDemoBook(full, this.actor) : await createBook(full, this.actor);
    this.replace(book, demo);
  }

  close(): void {
    this.book?.close();
    this.book = null;
    this.demo = false;
  }

  state() {
    return {
      home: this.home,
      demoPath: this.demoPath,
      book: this.book ? { path: this.book.path, name: basename(this.book.path).replace(/\.[^.]*$/, ''), isDemo: this.demo } : null,
      recent: this.recent.list(),
    };
  }

  private replace(book: Book, demo: boolean): void {
    this.close();
    this.book = book;
    this.demo = demo;
    this.recent.add(book.path);
  }
}
