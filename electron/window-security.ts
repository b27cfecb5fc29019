import { join, resolve, sep } from 'node:path';

/**
 * The window's security settings, kept free of Electron imports so they are tested directly: the renderer is
 * served from a private app:// origin (not file://), may not navigate anywhere else or open windows, and runs
 * isolated and sandboxed without Node.
 */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://ka-settle`;
export const START_URL = `${APP_ORIGIN}/index.html`;

export function windowPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  } as const;
}

/** Only the app's own pages; everything else (links in data, injected redirects) is refused. */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'ka-settle';
  } catch {
    return false;
  }
}

/** The built renderer file an app:// request names, or null when it would leave that folder. */
export function appFileFor(rendererDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const path = decodeURIComponent(new URL(requestUrl).pathname);
  const base = resolve(rendererDir);
  const file = resolve(join(base, path === '/' ? 'index.html' : path));
  return file.startsWith(base + sep) ? file : null;
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', svg: 'image/svg+xml',
  png: 'image/png', ico: 'image/x-icon', json: 'application/json', woff2: 'font/woff2',
};

export function contentTypeOf(file: string): string {
  return TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
}

/** The parts of Electron's webContents the navigation guard uses (so it is tested without Electron). */
export interface ContentsLike {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (e: { preventDefault(): void }, url: string) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/**
 * Every web contents stays on the app's own pages: new windows are denied, and navigation away — whether the page
 * starts it (will-navigate) or a server redirects it (will-redirect) — is stopped, as are webviews.
 */
export function guardContents(contents: ContentsLike): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayHome = (e: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) e.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (e) => e.preventDefault());
}
