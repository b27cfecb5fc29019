import type { messagesZh } from '../zh/index.js';
import { commonEn } from './common.js';
import { vouchersEn } from './vouchers.js';

export const messagesEn: Record<keyof typeof messagesZh, string> = {
  ...commonEn,
  ...vouchersEn,
};
export const areasEn: readonly Record<string, string>[] = [commonEn, vouchersEn];
export { labelsEn } from './labels.js';
