import { describe, expect, it } from 'vitest';
import { labelsEn, labelsZh } from '../../locale/index.js';
import * as vocabulary from '../../vocabulary/index.js';

/** Each vocabulary list and the label group that gives its values words. */
const GROUPS: [readonly string[], keyof typeof labelsZh][] = [
  [vocabulary.DOCUMENT_KINDS, 'docKinds'],
  [vocabulary.DEDUCTION_METHODS, 'deductionMethods'],
  [vocabulary.REMITTANCE_METHODS, 'remittanceMethods'],
  [vocabulary.CREDIT_METHODS, 'creditMethods'],
  [vocabulary.FEE_TYPES, 'feeTypes'],
  [vocabulary.DEDUCTION_VERDICTS, 'verdicts'],
  [vocabulary.CLAIM_STATUSES, 'claimStatus'],
  [vocabulary.RESULT_STATUSES, 'status'],
  [vocabulary.RESULT_DECISIONS, 'decision'],
  [vocabulary.PERIOD_STATUSES, 'periodStatus'],
  [vocabulary.STATEMENT_STATUSES, 'statementStatus'],
  [vocabulary.ROLES, 'roles'],
  [vocabulary.IMPORT_KINDS, 'importKinds'],
  [vocabulary.VOUCHER_GROUPINGS, 'voucherGroupings'],
  [vocabulary.VOUCHER_FORMATS, 'voucherFormats'],
  [vocabulary.AUX_DIMENSIONS, 'auxDimensions'],
  [vocabulary.CUSTOMER_SOURCES, 'customerSources'],
  [vocabulary.AUX_PARTIES, 'auxParties'],
  [vocabulary.MAPPING_STATES, 'mappingStates'],
  [vocabulary.CELL_ERROR_KINDS, 'cellErrors'],
  [vocabulary.CORRECTION_ACTIONS, 'correctionActions'],
  [vocabulary.REALLOCATION_MODES, 'reallocationModes'],
  [vocabulary.LINE_CHANGES, 'lineChanges'],
  [vocabulary.DIFF_FIELDS, 'diffFields'],
  [vocabulary.INVOICE_DIRECTIONS, 'invoiceDirections'],
  [vocabulary.INVOICE_COLOURS, 'invoiceColours'],
  [vocabulary.INVOICE_STATUSES, 'invoiceStatuses'],
  [vocabulary.INVOICE_CONFLICT_FIELDS, 'invoiceConflictFields'],
  [vocabulary.INVOICE_TYPES, 'invoiceTypes'],
  [vocabulary.INVOICE_SOURCES, 'invoiceSources'],
  [vocabulary.INVOICE_LINK_ROLES, 'invoiceLinkRoles'],
  [vocabulary.INVOICE_LINK_METHODS, 'invoiceLinkMethods'],
  [vocabulary.PAYMENT_TERMS_STARTS, 'paymentTermsStarts'],
  [vocabulary.EXPECTED_DOCUMENTS, 'expectedDocuments'],
  [vocabulary.INVOICE_GAP_KINDS, 'invoiceGapKinds'],
  [vocabulary.FEE_INVOICE_STATES, 'feeInvoiceStates'],
  [vocabulary.NUMBER_KINDS, 'numberKinds'],
  [vocabulary.MATCH_METHODS, 'matchMethods'],
  [vocabulary.ACCOUNTS, 'accounts'],
  [vocabulary.AUDIT_ACTIONS, 'auditActions'],
  [vocabulary.TIER_MODES, 'tierModes'],
  [vocabulary.REBATE_BASES, 'rebateBases'],
  [vocabulary.REBATE_DIRECTIONS, 'rebateDirections'],
  [vocabulary.ACCRUAL_BASES, 'accrualBases'],
  [vocabulary.DELIVERY_COST_METHODS, 'deliveryCostMethods'],
  [vocabulary.PROMOTION_KINDS, 'promotionKinds'],
  [vocabulary.CREDIT_ENTITIES, 'creditEntities'],
  [vocabulary.HOLD_MODES, 'holdModes'],
  [vocabulary.HOLD_LEVELS, 'holdLevels'],
  [vocabulary.AGEING_GROUPINGS, 'ageingGroupings'],
  [vocabulary.AGEING_BASES, 'ageingBases'],
  [vocabulary.GRADE_MEASURES, 'gradeMeasures'],
  [vocabulary.AUDIT_ENTITIES, 'auditEntities'],
  [vocabulary.STATEMENT_DIFFERENCE_KINDS, 'differenceKinds'],
  [vocabulary.CLASSIFIED_BY, 'classifiedBy'],
  [vocabulary.CLOSE_EXCEPTION_KINDS, 'closeExceptionKinds'],
  [vocabulary.CONFIRMATION_PARTIES, 'confirmationParties'],
  [vocabulary.CONFIRMATION_RESULTS, 'confirmationResults'],
  [vocabulary.PERMISSIONS, 'permissions'],
  [vocabulary.SIGN_OFF_STEPS, 'signOffSteps'],
  [vocabulary.SESSION_PROBLEMS, 'sessionProblems'],
  [vocabulary.USER_ACTIONS, 'userActions'],
  [vocabulary.USER_RELATIONS, 'userRelations'],
  [vocabulary.SCHEMA_OBJECTS, 'schemaObjects'],
  [vocabulary.STORE_READINGS, 'storeReadings'],
  [vocabulary.DATE_STYLES, 'dateStyles'],
  [vocabulary.MAPPING_BASES, 'mappingBases'],
  [vocabulary.IMPORT_FIELDS, 'importFields'],
  [vocabulary.HQ_ROLES, 'hqRoles'],
  [vocabulary.HQ_CLAIM_STATES, 'hqClaimStates'],
  [vocabulary.HQ_PROPOSALS, 'hqProposals'],
  [vocabulary.HQ_AUDIT_BREAKDOWNS, 'hqAuditBreakdowns'],
];

describe('the vocabularies', () => {
  it.each(GROUPS)('%j has a label for every value in both languages, and no label without a value', (values, group) => {
    expect(Object.keys(labelsZh[group]).sort()).toEqual([...values].sort());
    expect(Object.keys(labelsEn[group]).sort()).toEqual([...values].sort());
  });

  it('gives every label group a list', () => {
    expect(Object.keys(labelsZh).sort()).toEqual(GROUPS.map(([, g]) => g).sort());
  });

  it('has no value twice in a list', () => {
    for (const [values] of GROUPS) expect(new Set(values).size).toBe(values.length);
  });
});
