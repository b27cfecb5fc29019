import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type IpcMainInvokeEvent } from 'electron';
import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC } from '../contract/preload-api.js';
import { CONTENT_SECURITY_POLICY } from '../contract/window-policy.js';
import { BookHost } from '../services/book-host.js';
import { htmlDataUrl, printOptions } from './print-pdf.js';
import { registerServiceIpc, type IpcMainLike } from './service-ipc.js';
import { APP_SCHEME, START_URL, appFileFor, contentTypeOf, isAppUrl, windowPreferences } from './window-security.js';

/**
 * The Electron main process: one window on the built renderer, the contract over IPC, the book in a background
 * thread (services/book-host.ts). It is the only module that imports Electron; everything it calls is tested
 * without it.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

let host: BookHost | undefined;

async function serveApp(request: Request): Promise<Response> {
  const file = appFileFor(rendererDir, request.url);
  if (!file) return new Response('not found', { status: 404 });
  try {
    return new Response(await readFile(file), { headers: { 'content-type': contentTypeOf(file), 'content-security-policy': CONTENT_SECURITY_POLICY } });
  } catch {
    return new Response('not found', { status: 404 });
  }
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440, height: 900, minWidth: 1024, minHeight: 640, title: 'ka-settle 结算', show: false,
    webPreferences: windowPreferences(join(here, 'preload.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(START_URL);
  return win;
}

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

void app.whenReady().then(() => {
  const home = process.env.KA_SETTLE_HOME ?? join(app.getPath('documents'), 'ka-settle');
  host = new BookHost({ home, actor: process.env.KA_SETTLE_USER ?? `os:${userInfo().username}`, logFile: join(app.getPath('logs'), 'ka-settle.log') });
  protocol.handle(APP_SCHEME, serveApp);
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  // The window has its own menu bar (文件, 帮助); no native menu, so no reload or devtools in the product.
  Menu.setApplicationMenu(null);

  registerServiceIpc(ipcMain as unknown as IpcMainLike, host, isAppUrl);
  const trusted = (e: IpcMainInvokeEvent) => isAppUrl(e.senderFrame?.url);
  ipcMain.handle(IPC.chooseBook, async (e, mode: unknown, suggested: unknown) => {
    if (!trusted(e)) return null;
    const win = BrowserWindow.fromWebContents(e.sender) ?? undefined;
    const filters = [{ name: 'ka-settle 账套', extensions: ['kasettle'] }];
    const options = { defaultPath: typeof suggested === 'string' ? suggested : home, filters };
    if (mode === 'create') {
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled ? null : r.filePath;
    }
    const r = win ? await dialog.showOpenDialog(win, { ...options, properties: ['openFile'] }) : await dialog.showOpenDialog({ ...options, properties: ['openFile'] });
    return r.canceled ? null : (r.filePaths[0] ?? null);
  });
  ipcMain.handle(IPC.chooseExport, async (e, fileName: unknown) => {
    if (!trusted(e)) return null;
    const win = BrowserWindow.fromWebContents(e.sender) ?? undefined;
    const name = typeof fileName === 'string' ? fileName : 'export.xlsx';
    // The file's own type in the dialog: voucher exports are .csv and .txt as well as .xlsx.
    const extension = /\.(xlsx|pdf|csv|txt)$/i.exec(name)?.[1]?.toLowerCase() ?? 'xlsx';
    const kinds: Record<string, string> = { xlsx: 'Excel', pdf: 'PDF', csv: 'CSV', txt: 'Text' };
    const options = { defaultPath: join(app.getPath('documents'), name), filters: [{ name: kinds[extension]!, extensions: [extension] }] };
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled ? null : r.filePath;
  });
  ipcMain.handle(IPC.printPdf, async (e, request: unknown) => {
    if (!trusted(e)) return { ok: false, message: 'not allowed' };
    const r = request as { html?: unknown; footer?: unknown; path?: unknown };
    if (typeof r?.html !== 'string' || typeof r.footer !== 'string' || typeof r.path !== 'string') return { ok: false, message: 'bad print request' };
    const printer = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false } });
    try {
      await printer.loadURL(htmlDataUrl(r.html));
      await writeFile(r.path, await printer.webContents.printToPDF(printOptions(r.footer)));
      return { ok: true };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    } finally {
      printer.destroy();
    }
  });
  createWindow();
});

// The book is copied once more as the window closes (only the newest backups are kept).
let backedUpAtExit = false;
app.on('before-quit', (event) => {
  if (backedUpAtExit || !host) return;
  event.preventDefault();
  backedUpAtExit = true;
  void host.call('app.state', {})
    .then((s) => (s.ok && (s.result as { book: unknown }).book ? host!.call('book.backup', { reason: 'exit' }) : undefined))
    .finally(() => app.quit());
});

app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0];
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  void host?.close();
});
