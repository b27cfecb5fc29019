/** The document vocabularies are defined once in vocabulary/; the ledger speaks them from here. */
export { DOCUMENT_KINDS, DEDUCTION_METHODS, REMITTANCE_METHODS, CREDIT_METHODS, type DocumentKind } from '../../vocabulary/index.js';

/**
 * The natural key of a document: the number it carries, scoped by whoever issued it, so two KAs' receipt
 * number "10023" never collide and the same receipt imported twice is the same key.
 */
export function naturalKey(issuerCode: string, docNo: string): string {
  return `${issuerCode}|${docNo}`;
}
