import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/** Files the browser cannot hand over by path: an upload lands in its own folder under the bridge's work area. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

/** An upload that was not taken: too large, or cut short. Nothing of it is left on disk. */
export class UploadRefused extends Error {
  constructor(readonly reason: 'too-large' | 'incomplete') {
    super(reason);
  }
}

/** A file name the user chose, reduced to a safe last path segment. */
export function safeName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return base && base !== '.' && base !== '..' ? base.slice(0, 200) : 'file';
}

/**
 * Streams an upload to disk, counting as it goes: past the limit it stops at once (the declared length is checked
 * before anything is written), and whatever went wrong — too large, the connection dropped — the partial file and
 * its folder are deleted.
 */
export async function receiveUpload(req: IncomingMessage, workDir: string, name: string, limit = MAX_UPLOAD_BYTES): Promise<string> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new UploadRefused('too-large');
  const dir = join(workDir, 'uploads', randomUUID());
  mkdirSync(dir, { recursive: true });
  const path = join(dir, safeName(name));
  let size = 0;
  let tooLarge = false;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        done(new UploadRefused('too-large'));
      } else done(null, chunk);
    },
  });
  try {
    await pipeline(req, counter, createWriteStream(path));
    if (req.readableAborted || !req.complete) throw new UploadRefused('incomplete');
    return path;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    throw new UploadRefused(tooLarge ? 'too-large' : 'incomplete');
  }
}

/** A new, empty place for an export the browser will download. */
export function downloadPath(workDir: string, name: string): { id: string; path: string } {
  const id = randomUUID();
  const dir = join(workDir, 'downloads', id);
  mkdirSync(dir, { recursive: true });
  return { id, path: join(dir, safeName(name)) };
}
