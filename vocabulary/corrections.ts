/** What a correction was (更正): a reversal (红字冲销), a replacement on re-import, an undone import, a re-instated document. */
export const CORRECTION_ACTIONS = ['reversal', 'replacement', 'undo', 'reinstatement'] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

/** 重新核销: how a remittance is allocated again — by its own references, oldest due first, or to chosen open items. */
export const REALLOCATION_MODES = ['references', 'oldest', 'items'] as const;
export type ReallocationMode = (typeof REALLOCATION_MODES)[number];

/** How a line of a re-imported document differs from the booked one. */
export const LINE_CHANGES = ['added', 'removed', 'changed'] as const;
export type LineChangeKind = (typeof LINE_CHANGES)[number];

/** The parts of a document a replacement compares (header, then line fields). */
export const DIFF_FIELDS = [
  'docDate', 'ka', 'distributor', 'store', 'orderNo', 'reference', 'method',
  'sku', 'qtyMilli', 'priceE4', 'amountFen', 'feeType', 'feeText',
] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];
