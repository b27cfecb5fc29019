import type { PreloadApi } from '../../contract/preload-api';
import { CallError, type Host } from './host';

/** The desktop host: calls go through the preload's contract functions to the main process. */
export function electronHost(api: PreloadApi): Host {
  const unwrap = async (outcome: ReturnType<PreloadApi['services'][keyof PreloadApi['services']]>) => {
    const o = await outcome;
    if (!o.ok) throw new CallError(o.error);
    return o.result as never;
  };
  return {
    kind: 'electron',
    call: (method, args, options) => unwrap(api.services[method](args, options?.callId)),
    cancel: async (callId) => {
      await api.cancel(callId);
    },
    onProgress: (listener) => api.onProgress(listener),
    stageFile: async (file) => api.pathForFile(file),
    exportFile: async (method, args, fileName) => {
      const path = await api.chooseExportPath(fileName);
      if (!path) return null;
      const a = args as Record<string, unknown>;
      if (method === 'statement.export' && a.format === 'pdf') {
        // The desktop prints with its own Chromium (webContents.printToPDF), from the whole statement's HTML (the
        // preview shows its summary; the PDF carries every detail row).
        const preview = (await unwrap(api.services['statement.printHtml']({ period: a.period, distributor: a.distributor, ...(a.version ? { version: a.version } : {}), ...(a.lang ? { lang: a.lang } : {}) }))) as { html: string; footer: string };
        const printed = await api.printToPdf({ html: preview.html, footer: preview.footer, path });
        if (!printed.ok) throw new CallError({ code: printed.code ?? 'print-failed', message: printed.message, file: path });
        return { result: { file: path, rows: 0 } as never, where: path };
      }
      return { result: await unwrap(api.services[method]({ ...args, path })), where: path };
    },
    chooseBookPath: (mode, suggested) => api.chooseBookPath(mode, suggested),
  };
}
