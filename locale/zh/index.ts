import { commonZh } from './common.js';
import { inputZh } from './input.js';
import { bookZh } from './book.js';
import { usersZh } from './users.js';
import { matchZh } from './match.js';
import { deductionZh } from './deduction.js';
import { ledgerZh } from './ledger.js';
import { closeZh } from './close.js';
import { masterZh } from './master.js';
import { creditZh } from './credit.js';
import { settingsZh } from './settings.js';
import { reconcileZh } from './reconcile.js';
import { statementZh } from './statement.js';
import { importZh } from './import.js';
import { printZh } from './print.js';
import { auditZh } from './audit.js';
import { termsZh } from './terms.js';
import { fieldZh } from './field.js';
import { vouchersZh } from './vouchers.js';
import { importFilesZh } from './import-files.js';
import { correctionsZh } from './corrections.js';
import { cliZh } from './cli.js';
import { securityZh } from './security.js';
import { packageZh } from './package.js';
import { hqZh } from './hq.js';
import { invoicesZh } from './invoices.js';
import { usageZh } from './usage.js';
import { usageHelpZh } from './usage-help.js';

/**
 * Every sentence core says to a person, in Chinese, by code. One file per area; an area's codes start with its
 * name (`import.…`, `close.…`). English (en/) must have the same codes with the same parameters.
 */
export const messagesZh = {
  ...commonZh,
  ...inputZh,
  ...bookZh,
  ...usersZh,
  ...matchZh,
  ...deductionZh,
  ...ledgerZh,
  ...closeZh,
  ...masterZh,
  ...creditZh,
  ...settingsZh,
  ...reconcileZh,
  ...statementZh,
  ...importZh,
  ...printZh,
  ...auditZh,
  ...termsZh,
  ...fieldZh,
  ...vouchersZh,
  ...importFilesZh,
  ...correctionsZh,
  ...cliZh,
  ...securityZh,
  ...packageZh,
  ...hqZh,
  ...invoicesZh,
  ...usageZh,
  ...usageHelpZh,
} as const;
/** The area files, so a test can see that no code is defined twice. */
export const areasZh: readonly Record<string, string>[] = [
  commonZh, inputZh, bookZh, usersZh, matchZh, deductionZh, ledgerZh, closeZh, masterZh, creditZh, settingsZh, reconcileZh, statementZh, importZh, printZh, auditZh, termsZh, fieldZh, vouchersZh, importFilesZh, correctionsZh, cliZh, securityZh, packageZh, hqZh, invoicesZh, usageZh, usageHelpZh,
];
export { labelsZh } from './labels.js';
