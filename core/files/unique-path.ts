import { existsSync } from 'node:fs';
import { extname } from 'node:path';

/** The path itself if nothing is there yet, else `name (2).ext`, `name (3).ext` …: a file the user has is never overwritten. */
export function uniquePath(path: string): string {
  if (!existsSync(path)) return path;
  const ext = extname(path);
  const stem = path.slice(0, path.length - ext.length);
  for (let i = 2; ; i++) {
    const candidate = `${stem} (${i})${ext}`;
    if (!existsSync(candidate)) return candidate;
  }
}
