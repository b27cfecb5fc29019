import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type IpcMainInvokeEvent } from 'electron';
import { readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC } from '../contract/preload-api.js';
import { CONTENT_SECURITY_POLICY } from '../contract/window-policy.js';
import { BookHost } from '../services/book-host.js';
import { htmlDataUrl, printOptions } from './print-pdf.js';
import { PrintRequests } from './print-request.js';
import { registerServiceIpc, type IpcMainLike } from './service-ipc.js';
import { APP_SCHEME, START_URL, appFileFor, contentTypeOf, guardContents, isAppUrl, windowPreferences } from './window-security.js';

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

app.on('web-contents-created', (_event, contents) => guardContents(contents));

/** Statements printed with Electron's own Chromium, only to paths a save dialog of this process returned. */
const prints = new PrintRequests({
  print: async (html, footer) => {
    const printer = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, javascript: false } });
    try {
      await printer.loadURL(htmlDataUrl(html));
      return await printer.webContents.printToPDF(printOptions(footer));
    } finally {
      printer.destroy();
    }
  },
  writeFile: (path, data) => writeFile(path, data),
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
    if (r.canceled || !r.filePath) return null;
    // The user chose this path (the dialog asked before overwriting): it may be exported or printed to, once.
    host!.grant(r.filePath, 'write');
    prints.allow(r.filePath);
    return r.filePath;
  });
  ipcMain.handle(IPC.printPdf, async (e, request: unknown) => {
    if (!trusted(e)) return { ok: false, message: 'not allowed' };
    return prints.handle(request);
  });
  // A file the user dropped or picked: the preload tells its path (from the File itself) so it may be attached.
  ipcMain.on(IPC.fileChosen, (e, path: unknown) => {
    if (isAppUrl(e.senderFrame?.url) && typeof path === 'string' && path) host!.grant(path, 'read');
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
