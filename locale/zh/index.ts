import { bookZh } from './book.js';
import { commonZh } from './common.js';
import { vouchersZh } from './vouchers.js';
import { importFilesZh } from './import-files.js';
import { correctionsZh } from './corrections.js';
import { securityZh } from './security.js';
import { importZh } from './import.js';
import { hqZh } from './hq.js';
import { packageZh } from './package.js';
import { statementZh } from './statement.js';

/**
 * Every sentence core says to a person, in Chinese, by code. One file per area; an area's codes start with its
 * name (`import.…`, `close.…`). English (en/) must have the same codes with the same parameters.
 */
export const messagesZh = {
  ...commonZh,
  ...vouchersZh,
  ...importFilesZh,
  ...correctionsZh,
  ...securityZh,
  ...bookZh,
  ...importZh,
  ...packageZh,
  ...hqZh,
  ...statementZh,
} as const;
/** The area files, so a test can see that no code is defined twice. */
export const areasZh: readonly Record<string, string>[] = [
  commonZh, vouchersZh, importFilesZh, correctionsZh, securityZh, bookZh, importZh, packageZh, hqZh, statementZh,
];
export { labelsZh } from './labels.js';
