import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Counts the transactions committed to a book while fn runs, from the book's own write-ahead log: every commit
 * ends with a frame that records the database size. A watcher connection truncates the log first and holds a read
 * snapshot throughout, so no checkpoint can recycle the log before it is read.
 */
export async function commitsDuring(path: string, fn: () => Promise<unknown> | unknown): Promise<number> {
  const watcher = new Database(path);
  try {
    watcher.pragma('wal_checkpoint(TRUNCATE)');
    watcher.exec('BEGIN');
    watcher.prepare('SELECT count(*) FROM sqlite_schema').get();
    await fn();
    return commitFrames(path);
  } finally {
    if (watcher.inTransaction) watcher.exec('COMMIT');
    watcher.close();
  }
}

/** The commit frames of the log as it stands (frames of an earlier generation of the log have other salts). */
export function commitFrames(path: string): number {
  if (!existsSync(`${path}-wal`)) return 0;
  const wal = readFileSync(`${path}-wal`);
  if (wal.length < 32) return 0;
  const magic = wal.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) throw new Error(`${path}-wal is not a write-ahead log`);
  const pageSize = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    if (wal.readUInt32BE(at + 4) !== 0) commits++;
  }
  return commits;
}
