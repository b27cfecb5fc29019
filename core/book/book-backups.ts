import { copyFileSync, existsSync, linkSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { backupDirFor } from '../../db/connection.js';
import { UserError } from '../errors.js';
import { buildingPathFor, placeBook } from './book-file.js';
import { openExistingBook } from './open-book.js';

export interface BackupFile { file: string; name: string; bytes: number; takenAt: string }

/** The backups kept beside a book (backups/<name>-<reason>-<stamp>.kasettle), newest first. */
export function listBackups(bookPath: string): BackupFile[] {
  const dir = backupDirFor(bookPath);
  if (!existsSync(dir)) return [];
  const stem = basename(bookPath).replace(/\.[^.]*$/, '');
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.kasettle'))
    .map((name) => {
      const file = join(dir, name);
      const st = statSync(file);
      return { file, name, bytes: st.size, takenAt: st.mtime.toISOString() };
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
}

/**
 * Proves a backup is a sound book of this build before it may replace anything: it must open (known migration
 * history) and pass SQLite's integrity check.
 */
export async function verifyBackup(file: string): Promise<void> {
  // As it is, whatever its version: a backup taken before an upgrade is upgraded when it is restored and opened.
  const book = await openExistingBook(file, { readonly: true, upToVersion: 0 });
  try {
    const result = book.db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new UserError('book.backup-damaged', { detail: String(result) }, { file });
  } finally {
    book.close();
  }
}

/**
 * Puts a backup in the place of a closed book. The caller has closed the book and taken a safety copy; the old
 * WAL files go too, so nothing of the replaced book is replayed over the restored one.
 */
export function replaceWithBackup(bookPath: string, file: string): void {
  if (resolve(file) === resolve(bookPath)) throw new UserError('book.restore-from-itself', {}, { file });
  if (resolve(join(file, '..')) !== resolve(backupDirFor(bookPath))) {
    throw new UserError('book.backup-elsewhere', {}, { file });
  }
  // Copied beside the book, then renamed over it: a copy cut short never stands in for the book.
  const temp = buildingPathFor(bookPath);
  try {
    copyFileSync(file, temp);
    placeBook(temp, bookPath, { replace: true });
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Keeps the newest `keep` backups of a book and removes the rest; returns how many went. */
export function pruneBackups(bookPath: string, keep: number): number {
  const old = listBackups(bookPath).slice(keep);
  for (const b of old) rmSync(b.file, { force: true });
  return old.length;
}

/** The newest backup of a book that opens and passes SQLite's integrity check, if any. */
export async function lastGoodBackup(bookPath: string): Promise<BackupFile | null> {
  for (const b of listBackups(bookPath)) {
    try {
      await verifyBackup(b.file);
      return b;
    } catch {
      // a damaged or foreign backup: try the next older one
    }
  }
  return null;
}

/**
 * Puts a good backup in place of a damaged book that is not open. The damaged file is kept aside, as
 * <name>-damaged-<time>, for whoever wants to look at it; nothing is deleted. At every moment of it there is a file
 * at the book's path — the damaged one, then the restored one — so an interrupted restore can simply be repeated.
 */
export async function restoreDamagedBook(bookPath: string, file: string): Promise<string> {
  await verifyBackup(file);
  const aside = bookPath.replace(/(\.[^.\\/]*)?$/, `-damaged-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}$1`);
  const temp = buildingPathFor(bookPath);
  try {
    copyFileSync(file, temp);
    // The damaged file gets its second name first (a hard link, else a copy) and keeps it after the rename below.
    try {
      linkSync(bookPath, aside);
    } catch {
      copyFileSync(bookPath, aside);
    }
    for (const suffix of ['-wal', '-shm']) if (existsSync(bookPath + suffix)) renameSync(bookPath + suffix, aside + suffix);
    renameSync(temp, bookPath);
  } finally {
    rmSync(temp, { force: true });
  }
  return aside;
}
