import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { knownMigrations, type Migration } from './migrations.js';
import { assertPostingLocksInForce, forgetPostingLocksSuspension } from './queries/posting-locks.js';
import { stmt } from './statements.js';

/** An open book (账套): one SQLite file. */
export interface Book {
  readonly db: Database.Database;
  readonly path: string;
  /** Runs fn in one IMMEDIATE transaction: all of it is written, or none of it. Inside another, it is a savepoint. */
  write<T>(fn: () => T): T;
  /**
   * Runs fn as write would and always rolls it back: what a step would write, seen and undone (a savepoint when a
   * transaction is open). For questions like "what would block preparing this month now".
   */
  rehearse<T>(fn: () => T): T;
  /**
   * For work that awaits between writes (streaming a large file): begin, then commit or roll back. Nothing else
   * may use the connection in between.
   */
  begin(): void;
  commit(): void;
  rollback(): void;
  close(): void;
}

export class BookOpenError extends Error {
  constructor(
    readonly code: 'not-found' | 'exists' | 'not-a-book' | 'newer-book' | 'unknown-migrations',
    message: string,
  ) {
    super(message);
    this.name = 'BookOpenError';
  }
}

export interface OpenOptions {
  /** create the file if it does not exist (default false: a missing book is an error) */
  create?: boolean;
  /** refuse an existing file (for `init`) */
  mustBeNew?: boolean;
  readonly?: boolean;
  /** apply only the first n migrations (tests of upgrades) */
  upToVersion?: number;
  /** called with the backup path when a backup was taken before migrating */
  onBackup?: (path: string) => void;
  /**
   * Called inside the transaction that replaces identities recorded by an earlier build (raw-byte hashes) with the
   * migrations' identities, to audit it. Without it (or read-only) such a book still opens and keeps them as they are.
   */
  onIdentityUpgrade?: (book: Book, upgrades: IdentityUpgrade[]) => void;
  /** the folder of migrations to use instead of this build's (tests of other checkouts) */
  migrationsDir?: string;
}

/** A migration identity an earlier build recorded, and the one it is replaced with. */
export interface IdentityUpgrade {
  version: number;
  name: string;
  from: string;
  to: string;
}

function configure(db: Database.Database, readonly: boolean): void {
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Thrown to roll a rehearsal back, carrying its result out. */
class Rehearsed<T> {
  result: T | undefined;
}

function makeBook(db: Database.Database, path: string): Book {
  return {
    db,
    path,
    write<T>(fn: () => T): T {
      // Inside another transaction this is a savepoint: only the outermost commits, and only it checks the posting locks.
      const outermost = !db.inTransaction;
      try {
        return db.transaction(() => {
          const result = fn();
          if (outermost) assertPostingLocksInForce(db);
          return result;
        }).immediate();
      } finally {
        // Committed (the locks were in force) or rolled back (which brought the triggers back): nothing is suspended.
        if (outermost) forgetPostingLocksSuspension(db);
      }
    },
    rehearse<T>(fn: () => T): T {
      const undo = new Rehearsed<T>();
      try {
        db.transaction(() => {
          undo.result = fn();
          throw undo;
        }).immediate();
      } catch (e) {
        if (e !== undo) throw e;
      } finally {
        if (!db.inTransaction) forgetPostingLocksSuspension(db);
      }
      return undo.result as T;
    },
    begin() {
      db.exec('BEGIN IMMEDIATE');
    },
    commit() {
      assertPostingLocksInForce(db);
      db.exec('COMMIT');
    },
    rollback() {
      if (db.inTransaction) db.exec('ROLLBACK');
      forgetPostingLocksSuspension(db);
    },
    close() {
      if (db.open) db.close();
    },
  };
}

function recordedMigrations(db: Database.Database): { version: number; name: string; sha256: string }[] {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!exists) return [];
  return db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
    sha256: string;
  }[];
}

/**
 * Refuses a book this build cannot safely work on: one written by a newer ka-settle (more migrations than we
 * know), or one whose recorded migrations are not ours (a different history under the same numbers).
 */
function verifyHistory(db: Database.Database, path: string, known: Migration[]): { version: number; legacy: IdentityUpgrade[] } {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > known.length) {
    throw new BookOpenError(
      'newer-book',
      `${path}: the book has schema version ${version}, this ka-settle knows up to ${known.length}; update ka-settle to open it`,
    );
  }
  const recorded = recordedMigrations(db);
  if (recorded.length !== version) {
    throw new BookOpenError('unknown-migrations', `${path}: the book's migration record does not match its schema version ${version}`);
  }
  const legacy: IdentityUpgrade[] = [];
  for (const r of recorded) {
    const mine = known[r.version - 1];
    const same = mine !== undefined && mine.name === r.name && (mine.sha256 === r.sha256 || mine.legacySha256.includes(r.sha256));
    if (!same) {
      throw new BookOpenError(
        'unknown-migrations',
        `${path}: the book's migration ${String(r.version).padStart(4, '0')}-${r.name} is not the one this ka-settle has; refusing to open it`,
      );
    }
    if (mine.sha256 !== r.sha256) legacy.push({ version: r.version, name: r.name, from: r.sha256, to: mine.sha256 });
  }
  return { version, legacy };
}

/** Records the migrations' identities in place of an earlier build's, in one transaction with its audit. */
function upgradeIdentities(book: Book, upgrades: IdentityUpgrade[], audit: (book: Book, upgrades: IdentityUpgrade[]) => void): void {
  book.write(() => {
    for (const u of upgrades) stmt(book.db, 'UPDATE schema_migrations SET sha256 = ? WHERE version = ? AND sha256 = ?').run(u.to, u.version, u.from);
    audit(book, upgrades);
  });
}

function stamp(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Leaves a book file that nobody is working in as one self-contained file: its write-ahead log merged and removed,
 * so the file can be renamed or copied alone. Returns false when another connection still has the book open (its
 * log stays), in which case the file must not be replaced under it.
 */
export function settleBookFile(path: string): boolean {
  if (!existsSync(`${path}-wal`) && !existsSync(`${path}-shm`)) return true;
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  // Closing the last connection removes the log and the shared-memory file; another connection keeps them.
  return !existsSync(`${path}-wal`) && !existsSync(`${path}-shm`);
}

/** Where automatic copies of a book go: a `backups` folder beside it. */
export function backupDirFor(path: string): string {
  return join(dirname(path), 'backups');
}

/** A consistent copy of the open book through SQLite's online backup API. */
export async function backupBook(db: Database.Database, path: string, reason: string): Promise<string> {
  const dir = backupDirFor(path);
  mkdirSync(dir, { recursive: true });
  const name = basename(path).replace(/\.[^.]*$/, '');
  const target = join(dir, `${name}-${reason}-${stamp()}.kasettle`);
  await db.backup(target);
  return target;
}

/**
 * A migration that rebuilds a table others refer to (its first line says `-- ka-settle: rebuilds-tables`) runs with
 * foreign keys off, which SQLite allows only outside a transaction, and proves them intact before it commits.
 */
const REBUILDS_TABLES = /^-- ka-settle: rebuilds-tables\s*$/m;

function applyMigration(db: Database.Database, m: Migration): void {
  const rebuilds = REBUILDS_TABLES.test(m.sql);
  if (rebuilds) db.pragma('foreign_keys = OFF');
  try {
    applyInTransaction(db, m, rebuilds);
  } finally {
    if (rebuilds) {
      db.pragma('legacy_alter_table = OFF');
      db.pragma('foreign_keys = ON');
    }
  }
}

function applyInTransaction(db: Database.Database, m: Migration, checkForeignKeys: boolean): void {
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    db.exec(m.sql);
    if (checkForeignKeys) {
      const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      if (broken.length) throw new Error(`migration ${m.version} would break ${broken.length} foreign keys (first: ${broken[0]!.table} row ${broken[0]!.rowid} → ${broken[0]!.parent})`);
    }
    stmt(db, 'INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)').run(
      m.version,
      m.name,
      m.sha256,
      new Date().toISOString(),
    );
    db.pragma(`user_version = ${m.version}`);
  }).immediate();
}

function hasForeignTables(db: Database.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name <> 'schema_migrations'").get() !== undefined;
}

function looksLikeSqlite(path: string): boolean {
  if (statSync(path).size === 0) return true;
  try {
    const probe = new Database(path, { readonly: true, fileMustExist: true });
    try {
      probe.pragma('schema_version');
      return true;
    } finally {
      probe.close();
    }
  } catch {
    return false;
  }
}

/**
 * Opens (or creates) a book, applies any migrations it lacks — each in its own transaction, after an online
 * backup of a book that already holds a schema — and returns it ready for work.
 */
export async function openBook(path: string, options: OpenOptions = {}): Promise<Book> {
  const exists = existsSync(path);
  if (exists && options.mustBeNew) throw new BookOpenError('exists', `${path}: a file of that name already exists`);
  if (!exists && !options.create) throw new BookOpenError('not-found', `${path}: no such book`);
  if (exists && !looksLikeSqlite(path)) {
    throw new BookOpenError('not-a-book', `${path}: not a ka-settle book (not an SQLite database)`);
  }
  if (!exists) mkdirSync(dirname(path), { recursive: true });

  const readonly = options.readonly ?? false;
  const db = new Database(path, { readonly, fileMustExist: exists });
  try {
    configure(db, readonly);
    const known = knownMigrations(options.migrationsDir);
    const target = Math.min(options.upToVersion ?? known.length, known.length);
    const { version, legacy } = verifyHistory(db, path, known);
    if (version === 0 && hasForeignTables(db)) {
      throw new BookOpenError('not-a-book', `${path}: an SQLite database, but not a ka-settle book`);
    }
    if (version < target) {
      if (readonly) throw new BookOpenError('newer-book', `${path}: the book needs an upgrade; open it for writing first`);
      if (version > 0) {
        const copy = await backupBook(db, path, `before-v${target}`);
        options.onBackup?.(copy);
      }
      for (const m of known.slice(version, target)) applyMigration(db, m);
    }
    const book = makeBook(db, path);
    if (legacy.length && !readonly && options.onIdentityUpgrade) upgradeIdentities(book, legacy, options.onIdentityUpgrade);
    return book;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function schemaVersion(book: Book): number {
  return book.db.pragma('user_version', { simple: true }) as number;
}

/**
 * A new in-memory database built by this build's first `version` migrations, exactly as a book gets them: what
 * `check` compares a book's tables, triggers and indexes with. The caller closes it.
 */
export function freshSchema(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of knownMigrations().slice(0, version)) applyMigration(db, m);
  return db;
}
