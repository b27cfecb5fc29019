import type { messagesZh } from '../zh/index.js';
import { commonEn } from './common.js';
import { inputEn } from './input.js';
import { bookEn } from './book.js';
import { usersEn } from './users.js';
import { matchEn } from './match.js';
import { deductionEn } from './deduction.js';
import { ledgerEn } from './ledger.js';
import { closeEn } from './close.js';
import { masterEn } from './master.js';
import { creditEn } from './credit.js';
import { settingsEn } from './settings.js';
import { reconcileEn } from './reconcile.js';
import { statementEn } from './statement.js';
import { importEn } from './import.js';
import { printEn } from './print.js';
import { auditEn } from './audit.js';
import { termsEn } from './terms.js';
import { fieldEn } from './field.js';
import { vouchersEn } from './vouchers.js';
import { importFilesEn } from './import-files.js';
import { correctionsEn } from './corrections.js';
import { cliEn } from './cli.js';
import { securityEn } from './security.js';
import { packageEn } from './package.js';
import { hqEn } from './hq.js';
import { invoicesEn } from './invoices.js';
import { usageEn } from './usage.js';
import { usageHelpEn } from './usage-help.js';

export const messagesEn: Record<keyof typeof messagesZh, string> = {
  ...commonEn,
  ...inputEn,
  ...bookEn,
  ...usersEn,
  ...matchEn,
  ...deductionEn,
  ...ledgerEn,
  ...closeEn,
  ...masterEn,
  ...creditEn,
  ...settingsEn,
  ...reconcileEn,
  ...statementEn,
  ...importEn,
  ...printEn,
  ...auditEn,
  ...termsEn,
  ...fieldEn,
  ...vouchersEn,
  ...importFilesEn,
  ...correctionsEn,
  ...cliEn,
  ...securityEn,
  ...packageEn,
  ...hqEn,
  ...invoicesEn,
  ...usageEn,
  ...usageHelpEn,
};
export const areasEn: readonly Record<string, string>[] = [
  commonEn, inputEn, bookEn, usersEn, matchEn, deductionEn, ledgerEn, closeEn, masterEn, creditEn, settingsEn, reconcileEn, statementEn, importEn, printEn, auditEn, termsEn, fieldEn, vouchersEn, importFilesEn, correctionsEn, cliEn, securityEn, packageEn, hqEn, invoicesEn, usageEn, usageHelpEn,
];
export { labelsEn } from './labels.js';
