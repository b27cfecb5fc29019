import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../contract/window-policy.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json; charset=utf-8', '.woff2': 'font/woff2',
};

/**
 * Serves the built renderer (dist/renderer) with the window's CSP; never a file outside that folder. Returns
 * 'bad-path' for an address that does not decode (`/%`, `/%E0%A4%A`), which the bridge answers with a 400.
 */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): boolean | 'bad-path' {
  let clean: string;
  try {
    clean = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return 'bad-path';
  }
  if (clean.includes('\0')) return 'bad-path';
  const relative = clean === '/' ? 'index.html' : clean.replace(/^\/+/, '');
  const base = resolve(root);
  const file = resolve(join(base, relative));
  if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) return false;
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
  return true;
}
