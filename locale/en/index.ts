import type { messagesZh } from '../zh/index.js';
import { commonEn } from './common.js';
import { vouchersEn } from './vouchers.js';
import { importFilesEn } from './import-files.js';

export const messagesEn: Record<keyof typeof messagesZh, string> = {
  ...commonEn,
  ...vouchersEn,
  ...importFilesEn,
};
export const areasEn: readonly Record<string, string>[] = [commonEn, vouchersEn, importFilesEn];
export { labelsEn } from './labels.js';
