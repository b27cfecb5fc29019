import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrintRequests } from '../../electron/print-request.js';
import { guardContents, type ContentsLike } from '../../electron/window-security.js';
import { tempDir } from '../helpers/temp-book.js';

/** Electron's webContents cannot run here; this stands in for it and records the handlers main installs. */
function fakeContents() {
  const listeners = new Map<string, (e: { preventDefault(): void }, url: string) => void>();
  let openHandler: (() => { action: string }) | undefined;
  const contents: ContentsLike = {
    on: (event, listener) => listeners.set(event, listener),
    setWindowOpenHandler: (h) => { openHandler = h; },
  };
  const fire = (event: string, url: string) => {
    let prevented = false;
    listeners.get(event)!({ preventDefault: () => { prevented = true; } }, url);
    return prevented;
  };
  return { contents, fire, openHandler: () => openHandler!() };
}

describe('the window’s navigation guard', () => {
  it('denies will-redirect as it denies will-navigate, keeps the app’s own pages, and opens no windows or webviews', () => {
    const f = fakeContents();
    guardContents(f.contents);
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(f.fire(event, 'https://evil.example/steal')).toBe(true);
      expect(f.fire(event, 'file:///C:/Windows/win.ini')).toBe(true);
      expect(f.fire(event, 'app://ka-settle/index.html#/settlement')).toBe(false);
    }
    expect(f.fire('will-attach-webview', 'app://ka-settle/x')).toBe(true);
    expect(f.openHandler()).toEqual({ action: 'deny' });
  });
});

describe('printing a statement to PDF in the desktop', () => {
  it('writes only to a path the save dialog returned, once, and never where the page names', async () => {
    const dir = tempDir();
    const printed: string[] = [];
    // The printer stands in for webContents.printToPDF (Electron cannot run here); the file is really written.
    const prints = new PrintRequests({ print: async (html) => { printed.push(html); return new TextEncoder().encode('%PDF-1.7 stand-in'); }, writeFile });
    const chosen = join(dir, '结算单.pdf');
    const elsewhere = join(dir, 'elsewhere.pdf');
    expect(await prints.handle({ html: '<p>x</p>', footer: '', path: elsewhere })).toMatchObject({ ok: false, code: 'security.print-path-not-chosen' });
    expect(existsSync(elsewhere)).toBe(false);
    prints.allow(chosen);
    expect(await prints.handle({ html: '<p>结算单</p>', footer: '', path: chosen })).toEqual({ ok: true });
    expect(readFileSync(chosen, 'utf8')).toBe('%PDF-1.7 stand-in');
    // The grant is spent: a second print to the same path needs the dialog again.
    expect(await prints.handle({ html: '<p>again</p>', footer: '', path: chosen })).toMatchObject({ ok: false, code: 'security.print-path-not-chosen' });
    expect(await prints.handle({ html: 3, footer: '', path: chosen })).toMatchObject({ ok: false, code: 'invalid-arguments' });
    expect(printed).toEqual(['<p>结算单</p>']);
  });
});
