import { closeSync, existsSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { settleBookFile } from '../../db/connection.js';
import { UserError } from '../errors.js';

/**
 * A book file appears whole or not at all. A new book, the demo book and a restored backup are made under a
 * temporary name in the same folder and renamed into place only when complete: a build killed halfway leaves the
 * folder as it was (and a stray temporary file, which the next build removes), never a half-made or empty book.
 */

const MARK = '.building-';

/** A temporary name beside path, hidden, carrying this process's id so a later build can tell a stray one. */
export function buildingPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}${MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what builds of path that were killed left behind (their process is gone) — the temporary book, its log,
 * and the temporary files of steps nested in it — and leaves running builds alone.
 */
export function removeStrayBuilds(path: string): number {
  const dir = dirname(path);
  if (!existsSync(dir)) return 0;
  const stray = new RegExp(`^\\.+${basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${MARK.replace('.', '\\.')}(\\d+)-`);
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const pid = Number(stray.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    rmSync(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

function syncFolder(dir: string): void {
  // On Windows a folder cannot be opened for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Moves a complete, closed book file into place. With replace, a book already at path is replaced in one rename
 * (its own write-ahead log merged first, so no stale log is left beside the new file); without, an existing path
 * is refused and never overwritten.
 */
export function placeBook(temp: string, path: string, options: { replace: boolean }): void {
  if (!settleBookFile(temp)) throw new Error(`${temp} is still open: a book is moved into place only once closed`);
  const fd = openSync(temp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (options.replace) {
    // Replacing a book another program is working in would leave its log beside a different file.
    if (existsSync(path) && !settleBookFile(path)) throw new UserError('book.in-use', {}, { file: path });
    renameSync(temp, path);
  } else {
    try {
      // A hard link fails if path exists, so a book made meanwhile by someone else is never overwritten.
      linkSync(temp, path);
      unlinkSync(temp);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        rmSync(temp, { force: true });
        throw new UserError('book.exists', {}, { file: path });
      }
      // A file system without hard links (FAT, some network shares): check, then rename.
      if (existsSync(path)) {
        rmSync(temp, { force: true });
        throw new UserError('book.exists', {}, { file: path });
      }
      renameSync(temp, path);
    }
  }
  syncFolder(dirname(path));
}

/**
 * Builds a book under a temporary name beside path — build receives that name, and must leave the book closed —
 * and moves it into place only when build has finished. If build fails (or the process is killed), path is
 * untouched.
 */
export async function buildBookFile(path: string, build: (temp: string) => Promise<void> | void, options: { replace: boolean }): Promise<void> {
  removeStrayBuilds(path);
  const temp = buildingPathFor(path);
  try {
    await build(temp);
    placeBook(temp, path, options);
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(temp + suffix, { force: true });
  }
}
