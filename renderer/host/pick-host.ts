import type { PreloadApi } from '../../contract/preload-api';
import { electronHost } from './electron-host';
import type { Host } from './host';
import { webHost } from './web-host';

/** Electron's preload leaves window.kaSettle; in a browser there is none and the bridge is used. */
export function pickHost(): Host {
  const api = (window as unknown as { kaSettle?: PreloadApi }).kaSettle;
  return api ? electronHost(api) : webHost();
}
