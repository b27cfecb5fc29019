// Draws the application icon (build/icon.png, 256×256) from the SVG below with the system's Chromium, so the
// icon is reproducible and reviewable. electron-builder makes the Windows .ico from it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect x="8" y="8" width="240" height="240" rx="48" fill="#1f6feb"/>
  <rect x="52" y="44" width="152" height="176" rx="14" fill="#ffffff"/>
  <rect x="72" y="76" width="112" height="10" rx="5" fill="#9db9f0"/>
  <rect x="72" y="100" width="112" height="10" rx="5" fill="#9db9f0"/>
  <rect x="72" y="124" width="70" height="10" rx="5" fill="#9db9f0"/>
  <path d="M88 172 l22 22 l50 -54" fill="none" stroke="#1a7f37" stroke-width="16" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;
const profile = mkdtempSync(join(tmpdir(), 'ka-settle-icon-'));
const browser = '/usr/bin/chromium';
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.KA_SETTLE_BROWSER ?? browser, headless: true, viewport: { width: 256, height: 256 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = context.pages()[0] ?? await context.newPage();
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: join(root, 'build/icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: 256, height: 256 } });
writeFileSync(join(root, 'renderer/public/favicon.svg'), svg);
await context.close();
rmSync(profile, { recursive: true, force: true });
console.log('wrote build/icon.png and renderer/public/favicon.svg');
