// The preload of the ka-settle window. It runs sandboxed, so it may require only 'electron' (no project modules):
// the channel names below are the ones in contract/preload-api.ts (a test keeps them equal). It exposes exactly
// the contract's methods, by the names main sends, plus cancel, progress, dropped-file paths and native dialogs.
import electron = require('electron');

const { contextBridge, ipcRenderer, webUtils } = electron;
const names = ipcRenderer.sendSync('contract:names') as string[];
const services = Object.fromEntries(names.map((name) => [name, (args: unknown, callId?: string) => ipcRenderer.invoke(`svc:${name}`, args, callId)]));

contextBridge.exposeInMainWorld('kaSettle', {
  services,
  cancel: (callId: string) => ipcRenderer.invoke('call:cancel', callId),
  onProgress: (listener: (e: unknown) => void) => {
    const handler = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on('call:progress', handler);
    return () => ipcRenderer.removeListener('call:progress', handler);
  },
  // The path comes from a real File the user picked or dropped; main may then let the book thread read it.
  pathForFile: (file: File) => {
    const path = webUtils.getPathForFile(file);
    ipcRenderer.send('file:chosen', path);
    return path;
  },
  chooseBookPath: (mode: 'open' | 'create', suggested: string) => ipcRenderer.invoke('dialog:book', mode, suggested),
  chooseExportPath: (fileName: string) => ipcRenderer.invoke('dialog:export', fileName),
  printToPdf: (request: { html: string; footer: string; path: string }) => ipcRenderer.invoke('print:pdf', request),
});
