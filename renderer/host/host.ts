import type { ProgressEvent, ServiceArgs, ServiceError, ServiceName, ServiceResult } from '../../contract/service-contract';

/** The methods that write a file for the user; each takes an optional `path`. */
export type ExportMethod = 'reconcile.export' | 'statement.export' | 'credit.statementOfAccount' | 'vouchers.export' | 'vouchers.reexport' | 'invoices.exportToInvoice';

/** A failed call as the window sees it: the typed error that crossed the boundary. */
export class CallError extends Error {
  constructor(readonly error: ServiceError) {
    super(error.message);
  }
}

export interface CallOptions {
  /** set for long calls: progress events carry it and `cancel` names it */
  callId?: string;
}

/**
 * Where the window's calls go: Electron's preload (IPC to the main process and its background book thread) or the
 * browser bridge (HTTP to 127.0.0.1). Screens use only this; neither host reaches core/ but through the contract.
 */
export interface Host {
  readonly kind: 'electron' | 'web';
  call<N extends ServiceName>(method: N, args: ServiceArgs<N>, options?: CallOptions): Promise<ServiceResult<N>>;
  cancel(callId: string): Promise<void>;
  /** progress of long calls; returns the unsubscribe */
  onProgress(listener: (e: ProgressEvent) => void): () => void;
  /** a file the user chose or dropped, as a path the background process can read */
  stageFile(file: File): Promise<string>;
  /** runs an export method and delivers its file (a save dialog in Electron, a download in the browser); null if the user cancelled */
  exportFile<N extends ExportMethod>(method: N, args: Omit<ServiceArgs<N>, 'path'>, fileName: string): Promise<{ result: ServiceResult<N>; where: string } | null>;
  /** a native file dialog where there is one (Electron); the browser asks for a path in a text field instead */
  chooseBookPath?(mode: 'open' | 'create', suggested: string): Promise<string | null>;
}

export const newCallId = (): string => `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
