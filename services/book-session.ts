import { basename, join, resolve } from 'node:path';
import { createBook } from '../core/book/create-book.js';
import { openExistingBook, type Book } from '../core/book/open-book.js';
import { createDemoBook, isDemoBook } from '../core/demo/create-demo-book.js';
import { assertSoundOnOpen } from '../core/book/startup-check.js';
import { UserError } from '../core/errors.js';
import { getSettingJson } from '../db/queries/settings.js';
import { countUsers } from '../db/queries/users.js';
import { RELAXED_SETTING, signIn, type SignedIn } from '../core/users/users.js';
import type { Permission } from '../vocabulary/index.js';
import { PathGrants } from './path-grants.js';
import { RecentBooks } from './recent-books.js';

/**
 * The window's one open book (or none, before the user chooses), and who is working in it. Lives in the
 * background process beside the book connection; the window only ever sees its state through the contract.
 */
export class BookSession {
  book: Book | null = null;
  /** who signed in to the open book, if anyone (reset when the book changes) */
  user: SignedIn | null = null;
  private demo = false;
  readonly recent: RecentBooks;
  /** paths a native dialog or the bridge granted for export and attach (see path-grants.ts) */
  readonly grants = new PathGrants();

  constructor(readonly home: string, readonly osActor: string) {
    this.recent = new RecentBooks(home);
  }

  /** Who is working: the signed-in user, else the computer's user (a write checks this first, see dispatch.ts). */
  get actor(): string {
    return this.user?.username ?? this.osActor;
  }

  signIn(username: string, password: string): SignedIn {
    this.user = signIn(this.requireBook(), username, password, 'window');
    return this.user;
  }

  requireUser(what: Permission): SignedIn {
    this.requireBook();
    if (!this.user) throw new UserError('security.sign-in-required', { what });
    return this.user;
  }

  get demoPath(): string {
    return join(this.home, 'demo.kasettle');
  }

  requireBook(): Book {
    if (!this.book) throw new UserError('book.no-book');
    return this.book;
  }

  async open(path: string): Promise<void> {
    const full = resolve(path);
    const book = await openExistingBook(full);
    try {
      assertSoundOnOpen(book);
    } catch (e) {
      book.close();
      throw e;
    }
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
    this.user = null;
    this.demo = false;
  }

  state() {
    return {
      home: this.home,
      demoPath: this.demoPath,
      book: this.book ? { path: this.book.path, name: basename(this.book.path).replace(/\.[^.]*$/, ''), isDemo: this.demo, ...this.protection(this.book) } : null,
      user: this.user,
      recent: this.recent.list(),
    };
  }

  /** How the open book is protected: no users (anyone writes), one user who chose to write without signing in, or sign-in. */
  private protection(book: Book): { hasUsers: boolean; protection: 'none' | 'relaxed' | 'sign-in' } {
    const users = countUsers(book);
    if (users === 0) return { hasUsers: false, protection: 'none' };
    return { hasUsers: true, protection: users === 1 && getSettingJson(book, RELAXED_SETTING) === 'true' ? 'relaxed' : 'sign-in' };
  }

  private replace(book: Book, demo: boolean): void {
    this.close();
    this.book = book;
    this.demo = demo;
    this.recent.add(book.path);
  }
}
