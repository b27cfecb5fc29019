import type { ProgressEvent, ServiceError, ServiceName } from './service-contract.js';

/** What a service call returns across IPC: never a thrown error (Electron would wrap it with its own text). */
export type IpcOutcome = { ok: true; result: unknown } | { ok: false; error: ServiceError };

/**
 * What Electron's preload puts on `window.kaSettle` through contextBridge: one function per contract method and
 * the few things only the desktop shell can do (cancel, progress, a dropped file's path, native dialogs).
 */
export interface PreloadApi {
  services: Record<ServiceName, (args: unknown, callId?: string) => Promise<IpcOutcome>>;
  cancel(callId: string): Promise<boolean>;
  onProgress(listener: (e: ProgressEvent) => void): () => void;
  pathForFile(file: File): string;
  chooseBookPath(mode: 'open' | 'create', suggested: string): Promise<string | null>;
  chooseExportPath(fileName: string): Promise<string | null>;
  /** prints HTML to an A4 PDF with Electron's own webContents.printToPDF */
  printToPdf(request: { html: string; footer: string; path: string }): Promise<{ ok: true } | { ok: false; code?: string; message: string }>;
}

/** IPC channel names shared by electron/main and the preload. */
export const IPC = {
  service: (name: string) => `svc:${name}`,
  names: 'contract:names',
  cancel: 'call:cancel',
  progress: 'call:progress',
  chooseBook: 'dialog:book',
  chooseExport: 'dialog:export',
  printPdf: 'print:pdf',
  fileChosen: 'file:chosen',
} as const;
