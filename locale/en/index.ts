import type { messagesZh } from '../zh/index.js';
import { commonEn } from './common.js';

export const messagesEn: Record<keyof typeof messagesZh, string> = {
  ...commonEn,
};
export const areasEn: readonly Record<string, string>[] = [commonEn];
export { labelsEn } from './labels.js';
