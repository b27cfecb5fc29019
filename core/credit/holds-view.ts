import type { Book } from '../../db/connection.js';
import { activeOverride } from '../../db/queries/credit.js';
import { findKaAccount } from '../../db/queries/master-data.js';
import { listKaAccounts } from '../../db/queries/listings.js';
import { assertIsoDate } from '../calendar/dates.js';
import { holdCheck, holdMode, pendingByKa } from './holds.js';

/** The KA accounts a delivery would be warned about or held for today, with the reasons and any override in force. */
export function holdsView(book: Book, asOfText: string) {
  const asOf = assertIsoDate(asOfText, { field: 'asOf' });
  const pending = pendingByKa(book);
  return listKaAccounts(book, { limit: 100_000, offset: 0 }).flatMap(({ code, name }) => {
    const ka = findKaAccount(book, code)!;
    const verdict = holdCheck(book, ka.id, asOf, () => pending);
    const override = activeOverride(book, ka.id, asOf) ?? null;
    if (verdict.level === 'ok' && !override) return [];
    return [{ ka: code, name, level: verdict.level, reasons: verdict.reasons, mode: holdMode(book),
      overrideUntil: override?.until_date ?? null, overrideBy: override?.by_user ?? null, overrideReason: override?.reason ?? null }];
  });
}
