import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serveBridge, type Bridge } from '../../bridge/serve.js';
import { findBrowser } from '../../services/print/chromium-pdf.js';
import { BookHost } from '../../services/book-host.js';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/e2e/', import.meta.url));
export const E2E_FIXTURES = fileURLToPath(new URL('../fixtures/e2e/', import.meta.url));
const RENDERER = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface WindowSession {
  home: string; bridge: Bridge; host: BookHost; context: BrowserContext; page: Page;
  /** page errors and console errors seen so far (a clean run has none) */
  problems: string[];
  shot(name: string): Promise<void>;
  api(method: string, args: unknown): Promise<any>;
  close(): Promise<void>;
}

/**
 * The real window in the real browser: the built renderer served by the bridge from a background book thread,
 * opened in Debian's Chromium through playwright-core (never a downloaded browser), at the 1366×768 of an
 * accountant's laptop (the screenshots are taken at that size).
 */
/** A window with the demo book opened from the chooser and its home screen shown (the demo is a copy of the run's). */
export async function openDemoWindow(): Promise<WindowSession> {
  const w = await openWindow();
  await w.page.getByTestId('open-demo').click();
  await w.page.getByTestId('tile-period').waitFor({ timeout: 300_000 });
  return w;
}

export async function openWindow(): Promise<WindowSession> {
  const home = mkdtempSync(join(tmpdir(), 'ka-settle-e2e-'));
  const host = new BookHost({ home, actor: 'e2e', logFile: join(home, 'ka-settle.log') });
  const bridge = await serveBridge(host, { staticDir: RENDERER, workDir: join(home, '.bridge') });
  const profile = mkdtempSync(join(tmpdir(), 'ka-settle-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser(), headless: true, args: FLAGS, viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // A refused call (422) shows in the console as a failed resource: that is the product working, not a fault.
    if (m.type() === 'error' && !/favicon/.test(m.location().url) && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
  });
  // What the window itself got wrong: arguments the contract refused (400), internal errors (500).
  page.on('response', (r) => {
    if (r.status() === 400 || r.status() >= 500) problems.push(`http ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname} ${r.request().postData() ?? ''}`);
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.goto(`${bridge.url}/#token=${bridge.token}`);
  return {
    home, bridge, host, context, page, problems,
    shot: async (name) => {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
    },
    api: async (method, args) => {
      const res = await fetch(`${bridge.url}/api/${method}`, { method: 'POST', headers: { 'x-ka-settle-token': bridge.token }, body: JSON.stringify(args) });
      const body = (await res.json()) as { ok: boolean; result?: unknown; error?: unknown };
      if (!body.ok) throw new Error(JSON.stringify(body.error));
      return body.result;
    },
    close: async () => {
      await context.close();
      await bridge.close();
      await host.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    },
  };
}
