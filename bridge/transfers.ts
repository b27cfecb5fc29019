import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/** Files the browser cannot hand over by path: an upload lands in its own folder under the bridge's work area. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

/** A file name the user chose, reduced to a safe last path segment. */
export function safeName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return base && base !== '.' && base !== '..' ? base.slice(0, 200) : 'file';
}

export async function receiveUpload(req: IncomingMessage, workDir: string, name: string): Promise<string> {
  const dir = join(workDir, 'uploads', randomUUID());
  mkdirSync(dir, { recursive: true });
  const path = join(dir, safeName(name));
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > MAX_UPLOAD_BYTES ? new Error('upload too large') : null, chunk);
    },
  });
  await pipeline(req, limit, createWriteStream(path));
  return path;
}

/** A new, empty place for an export the browser will download. */
export function downloadPath(workDir: string, name: string): { id: string; path: string } {
  const id = randomUUID();
  const dir = join(workDir, 'downloads', id);
  mkdirSync(dir, { recursive: true });
  return { id, path: join(dir, safeName(name)) };
}
