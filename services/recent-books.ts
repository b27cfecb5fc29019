import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface RecentBook { path: string; openedAt: string }

const KEEP = 10;

/** The 最近打开 list: a small JSON file in the books folder, newest first. A damaged file is treated as empty. */
export class RecentBooks {
  private readonly file: string;

  constructor(home: string) {
    this.file = join(home, 'recent-books.json');
  }

  list(): (RecentBook & { exists: boolean })[] {
    return this.read().map((r) => ({ ...r, exists: existsSync(r.path) }));
  }

  add(path: string): void {
    const full = resolve(path);
    const rest = this.read().filter((r) => r.path !== full);
    this.write([{ path: full, openedAt: new Date().toISOString() }, ...rest].slice(0, KEEP));
  }

  private read(): RecentBook[] {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      return Array.isArray(parsed) ? parsed.filter((r): r is RecentBook => typeof r?.path === 'string' && typeof r?.openedAt === 'string') : [];
    } catch {
      return [];
    }
  }

  private write(list: RecentBook[]): void {
    mkdirSync(dirname(this.file), { recursive: true });
    // Written aside and renamed, so a crash never leaves half a list.
    writeFileSync(`${this.file}.tmp`, JSON.stringify(list, null, 2));
    renameSync(`${this.file}.tmp`, this.file);
  }
}
