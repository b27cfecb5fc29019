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
      return { result: await unwrap(api.services[method]({ ...args, path })), where: path };
    },
    chooseBookPath: (mode, suggested) => api.chooseBookPath(mode, suggested),
  };
}
