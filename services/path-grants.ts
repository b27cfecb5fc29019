import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Book } from '../core/book/open-book.js';
import { UserError } from '../core/errors.js';
import { uniquePath } from '../core/files/unique-path.js';

/** The book's own folders beside it: exports are written to exports/, files to attach may also come from imports/. */
const EXPORTS = 'exports';
const READABLE = [EXPORTS, 'imports'];

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function inside(path: string, folder: string): boolean {
  const f = real(folder);
  return path === f || path.startsWith(f + sep);
}

/**
 * The paths the window may have the background process write to or read from. Only what a native file dialog
 * returned (Electron's main process grants it), what the browser bridge itself made (an upload, a download's
 * place), or the book's own folders — never a path a page merely names. A write grant is used once: the dialog
 * asked the user about overwriting; anything else is never written over.
 */
export class PathGrants {
  private readonly writes = new Set<string>();
  private readonly reads = new Set<string>();

  grant(path: string, mode: 'read' | 'write'): void {
    (mode === 'write' ? this.writes : this.reads).add(resolve(path));
  }

  /** Where an export goes: the granted path asked for, else a new file in exports/ beside the book (never over one). */
  writable(book: Book, requested: string | undefined, fallback: string): string {
    const folder = join(dirname(book.path), EXPORTS);
    if (requested === undefined) {
      mkdirSync(folder, { recursive: true });
      return uniquePath(join(folder, basename(fallback)));
    }
    const full = resolve(requested);
    if (this.writes.delete(full)) return full;
    const parent = real(dirname(full));
    if (inside(parent, folder)) {
      if (existsSync(full)) throw new UserError('security.path-exists', { file: full }, { file: full });
      return full;
    }
    throw new UserError('security.path-not-allowed', { file: full }, { file: full });
  }

  /** A file the window hands over to be read (evidence to attach): granted, or in the book's own folders. */
  readable(book: Book, requested: string): string {
    const full = resolve(requested);
    if (this.reads.has(full)) return full;
    const actual = real(full);
    if (READABLE.some((f) => inside(actual, join(dirname(book.path), f)))) return full;
    throw new UserError('security.path-not-allowed', { file: full }, { file: full });
  }
}
