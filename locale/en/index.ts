import type { messagesZh } from '../zh/index.js';
import { bookEn } from './book.js';
import { commonEn } from './common.js';
import { vouchersEn } from './vouchers.js';
import { importFilesEn } from './import-files.js';
import { correctionsEn } from './corrections.js';
import { securityEn } from './security.js';
import { importEn } from './import.js';
import { hqEn } from './hq.js';
import { packageEn } from './package.js';
import { statementEn } from './statement.js';

export const messagesEn: Record<keyof typeof messagesZh, string> = {
  ...commonEn,
  ...vouchersEn,
  ...importFilesEn,
  ...correctionsEn,
  ...securityEn,
  ...bookEn,
  ...importEn,
  ...packageEn,
  ...hqEn,
  ...statementEn,
};
export const areasEn: readonly Record<string, string>[] = [
  commonEn, vouchersEn, importFilesEn, correctionsEn, securityEn, bookEn, importEn, packageEn, hqEn, statementEn,
];
export { labelsEn } from './labels.js';
