import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import browsers from './browsers.json' with { type: 'json' };

/** Where a Chromium-family browser usually is (one list, shared with the test preflight). */
const CANDIDATES: readonly string[] = browsers.candidates;

export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.KA_SETTLE_BROWSER;
  if (chosen) {
    if (!existsSync(chosen)) throw new UserError('book.browser-missing', { path: chosen });
    return chosen;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new UserError('book.no-browser');
  return found;
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Prints HTML to an A4 PDF with the system's Chromium through its own print engine (the one Electron's
 * printToPDF uses), a footer on every page, and optionally a PNG of the first page.
 */
export async function printPdf(html: string, out: string, footer: string, screenshot?: string): Promise<void> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'ka-settle-print-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: findBrowser(), headless: true, args: FLAGS });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ path: out, format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: footer,
      margin: { top: '16mm', bottom: '18mm', left: '12mm', right: '12mm' } });
    if (screenshot) {
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.screenshot({ path: screenshot });
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
