import { labelsEn, labelsZh } from '../../locale/index.js';
import zh_about from './zh/about.json' with { type: 'json' };
import zh_app from './zh/app.json' with { type: 'json' };
import zh_areas from './zh/areas.json' with { type: 'json' };
import zh_audit from './zh/audit.json' with { type: 'json' };
import zh_backup from './zh/backup.json' with { type: 'json' };
import zh_balances from './zh/balances.json' with { type: 'json' };
import zh_chooser from './zh/chooser.json' with { type: 'json' };
import zh_claimMove from './zh/claimMove.json' with { type: 'json' };
import zh_corrections from './zh/corrections.json' with { type: 'json' };
import zh_credit from './zh/credit.json' with { type: 'json' };
import zh_damaged from './zh/damaged.json' with { type: 'json' };
import zh_errors from './zh/errors.json' with { type: 'json' };
import zh_fees from './zh/fees.json' with { type: 'json' };
import zh_fields from './zh/fields.json' with { type: 'json' };
import zh_home from './zh/home.json' with { type: 'json' };
import zh_hq from './zh/hq.json' with { type: 'json' };
import zh_import from './zh/import.json' with { type: 'json' };
import zh_master from './zh/master.json' with { type: 'json' };
import zh_menu from './zh/menu.json' with { type: 'json' };
import zh_reconcile from './zh/reconcile.json' with { type: 'json' };
import zh_restore from './zh/restore.json' with { type: 'json' };
import zh_security from './zh/security.json' with { type: 'json' };
import zh_settings from './zh/settings.json' with { type: 'json' };
import zh_settlement from './zh/settlement.json' with { type: 'json' };
import zh_shortcuts from './zh/shortcuts.json' with { type: 'json' };
import zh_statementDetails from './zh/statementDetails.json' with { type: 'json' };
import zh_signIn from './zh/signIn.json' with { type: 'json' };
import zh_terms from './zh/terms.json' with { type: 'json' };
import zh_users from './zh/users.json' with { type: 'json' };
import zh_vouchers from './zh/vouchers.json' with { type: 'json' };
import zh_invoicing from './zh/invoicing.json' with { type: 'json' };
import en_about from './en/about.json' with { type: 'json' };
import en_app from './en/app.json' with { type: 'json' };
import en_areas from './en/areas.json' with { type: 'json' };
import en_audit from './en/audit.json' with { type: 'json' };
import en_backup from './en/backup.json' with { type: 'json' };
import en_balances from './en/balances.json' with { type: 'json' };
import en_chooser from './en/chooser.json' with { type: 'json' };
import en_claimMove from './en/claimMove.json' with { type: 'json' };
import en_corrections from './en/corrections.json' with { type: 'json' };
import en_credit from './en/credit.json' with { type: 'json' };
import en_damaged from './en/damaged.json' with { type: 'json' };
import en_errors from './en/errors.json' with { type: 'json' };
import en_fees from './en/fees.json' with { type: 'json' };
import en_fields from './en/fields.json' with { type: 'json' };
import en_home from './en/home.json' with { type: 'json' };
import en_hq from './en/hq.json' with { type: 'json' };
import en_import from './en/import.json' with { type: 'json' };
import en_master from './en/master.json' with { type: 'json' };
import en_menu from './en/menu.json' with { type: 'json' };
import en_reconcile from './en/reconcile.json' with { type: 'json' };
import en_restore from './en/restore.json' with { type: 'json' };
import en_security from './en/security.json' with { type: 'json' };
import en_settings from './en/settings.json' with { type: 'json' };
import en_settlement from './en/settlement.json' with { type: 'json' };
import en_shortcuts from './en/shortcuts.json' with { type: 'json' };
import en_statementDetails from './en/statementDetails.json' with { type: 'json' };
import en_signIn from './en/signIn.json' with { type: 'json' };
import en_terms from './en/terms.json' with { type: 'json' };
import en_users from './en/users.json' with { type: 'json' };
import en_vouchers from './en/vouchers.json' with { type: 'json' };
import en_invoicing from './en/invoicing.json' with { type: 'json' };

/**
 * The window's words: one JSON file per area and language (renderer/i18n/zh/, en/), plus every vocabulary value's
 * label from locale/ (feeTypes.entry, status.short …), which the PDF, the xlsx and the command share.
 */
export const zhResources = {
  ...labelsZh,
  about: zh_about,
  app: zh_app,
  areas: zh_areas,
  audit: zh_audit,
  backup: zh_backup,
  balances: zh_balances,
  chooser: zh_chooser,
  claimMove: zh_claimMove,
  corrections: zh_corrections,
  credit: zh_credit,
  damaged: zh_damaged,
  errors: zh_errors,
  fees: zh_fees,
  fields: zh_fields,
  home: zh_home,
  hq: zh_hq,
  import: zh_import,
  master: zh_master,
  menu: zh_menu,
  reconcile: zh_reconcile,
  restore: zh_restore,
  security: zh_security,
  settings: zh_settings,
  settlement: zh_settlement,
  shortcuts: zh_shortcuts,
  statementDetails: zh_statementDetails,
  signIn: zh_signIn,
  terms: zh_terms,
  users: zh_users,
  vouchers: zh_vouchers,
  invoicing: zh_invoicing,
};
export const enResources = {
  ...labelsEn,
  about: en_about,
  app: en_app,
  areas: en_areas,
  audit: en_audit,
  backup: en_backup,
  balances: en_balances,
  chooser: en_chooser,
  claimMove: en_claimMove,
  corrections: en_corrections,
  credit: en_credit,
  damaged: en_damaged,
  errors: en_errors,
  fees: en_fees,
  fields: en_fields,
  home: en_home,
  hq: en_hq,
  import: en_import,
  master: en_master,
  menu: en_menu,
  reconcile: en_reconcile,
  restore: en_restore,
  security: en_security,
  settings: en_settings,
  settlement: en_settlement,
  shortcuts: en_shortcuts,
  statementDetails: en_statementDetails,
  signIn: en_signIn,
  terms: en_terms,
  users: en_users,
  vouchers: en_vouchers,
  invoicing: en_invoicing,
};
