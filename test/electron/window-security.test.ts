import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC } from '../../contract/preload-api.js';
import { CONTENT_SECURITY_POLICY } from '../../contract/window-policy.js';
import { appFileFor, contentTypeOf, isAppUrl, windowPreferences } from '../../electron/window-security.js';

const preload = readFileSync(new URL('../../electron/preload.cts', import.meta.url), 'utf8');

describe('the window’s security rules', () => {
  it('runs the renderer isolated and sandboxed, without Node', () => {
    expect(windowPreferences('/app/preload.cjs')).toMatchObject({
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, webSecurity: true, webviewTag: false,
      allowRunningInsecureContent: false, preload: '/app/preload.cjs',
    });
  });

  it('allows only its own app:// pages and never a file outside the built renderer', () => {
    expect(isAppUrl('app://ka-settle/index.html')).toBe(true);
    for (const url of ['https://ka-settle/', 'file:///C:/x.html', 'app://other/index.html', 'javascript:alert(1)', '', 'not a url']) expect(isAppUrl(url)).toBe(false);
    const dir = join('/opt', 'ka-settle', 'renderer');
    expect(appFileFor(dir, 'app://ka-settle/assets/index.js')).toBe(join(dir, 'assets', 'index.js'));
    expect(appFileFor(dir, 'app://ka-settle/')).toBe(join(dir, 'index.html'));
    expect(appFileFor(dir, 'app://ka-settle/..%2F..%2Fetc%2Fpasswd')).toBeNull();
    // The URL parser folds an encoded dot-dot segment, so it stays inside the renderer folder.
    expect(appFileFor(dir, 'app://ka-settle/%2e%2e/secret')).toBe(join(dir, 'secret'));
    expect(appFileFor(dir, 'https://ka-settle/index.html')).toBeNull();
    expect(contentTypeOf('x/index.js')).toBe('text/javascript; charset=utf-8');
  });

  it('has a strict Content-Security-Policy: own scripts only, nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
    // The page carries the same policy (the browser bridge also sends it as a header).
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    expect(html).toContain(`content="${CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')}"`);
  });

  it('has a preload that needs only electron and speaks the channels main listens on', () => {
    const required = [...preload.matchAll(/require\('([^']+)'\)/g)].map((m) => m[1]);
    expect(required).toEqual(['electron']);
    expect(preload).not.toMatch(/^import .* from /m);
    for (const channel of [IPC.names, IPC.cancel, IPC.progress, IPC.chooseBook, IPC.chooseExport, IPC.printPdf, IPC.fileChosen]) expect(preload).toContain(`'${channel}'`);
    expect(preload).toContain(`\`${IPC.service('${name}')}\``);
  });
});
