import { cellText, isBlank, type Cell } from './cell-values.js';

/**
 * What tells one document from the next in a file: its number, else (a receipt file without receipt numbers) its
 * order number; a file with neither has no way to say, and only a row whose document-level cells are all blank is
 * taken as a continuation.
 */
export function documentIdentity(mapped: Set<string>): string | undefined {
  return mapped.has('docNo') ? 'docNo' : mapped.has('orderNo') ? 'orderNo' : undefined;
}

/**
 * Whether a row continues the document above (so its blank document-level cells take the values above): the same
 * number, or a blank number (merged cells, grouped exports). A row with a number of its own starts a new document
 * and takes nothing from the one before: a chain-level deduction (no store) keeps no store.
 */
export function continuationOf(own: Record<string, Cell>, last: Record<string, Cell>, identity: string | undefined, fillDown: Set<string>): boolean {
  if (identity) {
    const id = own[identity] ?? null;
    if (isBlank(id)) return true;
    const before = last[identity];
    return before !== undefined && cellText(before) === cellText(id);
  }
  return [...fillDown].every((f) => isBlank(own[f] ?? null));
}
