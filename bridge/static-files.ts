import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../contract/window-policy.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json; charset=utf-8', '.woff2': 'font/woff2',
};

/** Serves the built renderer (dist/renderer) with the window's CSP; never a file outside that folder. */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): boolean {
  const clean = decodeURIComponent(urlPath.split('?')[0]!);
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
  createReadStream(file).pipe(res);
  return true;
}
