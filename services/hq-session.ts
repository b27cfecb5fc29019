import { join } from 'node:path';
import { UserError } from '../core/errors.js';
import { initHq, openHq } from '../hq/core/hq-open.js';
import { signInHq, type HqSignedIn } from '../hq/core/hq-users.js';
import { hqTarget, type HqDb } from '../hq/db/connection.js';
import { latestPeriods } from '../hq/db/queries/views.js';

/**
 * The window's head office (or none): a database on a PostgreSQL server or an embedded one in a folder, and who
 * signed in to it. Lives beside the book session in the background thread; the two are independent — a controller
 * may open the head office with no book at all, and a book's users are not the head office's.
 */
export class HqSession {
  db: HqDb | null = null;
  user: HqSignedIn | null = null;

  constructor(readonly home: string) {}

  get defaultFolder(): string {
    return join(this.home, 'head-office');
  }

  /** Where credits files are written: beside an embedded database, or in the books' folder for a server. */
  get creditsFolder(): string {
    const db = this.requireDb();
    return db.kind === 'pglite' ? join(db.where, 'credits') : join(this.home, 'head-office-credits');
  }

  async open(where: string, create: boolean): Promise<void> {
    await this.close();
    const target = hqTarget(where || this.defaultFolder);
    this.db = create ? (await initHq(target)).db : await openHq(target);
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    this.user = null;
    await db?.close();
  }

  async signIn(username: string, password: string): Promise<HqSignedIn> {
    this.user = await signInHq(this.requireDb(), username, password);
    return this.user;
  }

  requireDb(): HqDb {
    if (!this.db) throw new UserError('hq.not-open');
    return this.db;
  }

  requireUser(): HqSignedIn {
    this.requireDb();
    if (!this.user) throw new UserError('hq.sign-in-first');
    return this.user;
  }

  async state() {
    return {
      open: this.db ? { where: this.db.where, kind: this.db.kind } : null,
      user: this.user,
      defaultFolder: this.defaultFolder,
      periods: this.db ? await latestPeriods(this.db) : [],
    };
  }
}
