import type { Book } from '../../db/connection.js';
import { insertFollowup, lastFollowup } from '../../db/queries/credit.js';
import { kaList } from '../../db/queries/credit-parties.js';
import { findKaAccount } from '../../db/queries/master-data.js';
import { receivablesAsOf } from '../../db/queries/statement-data.js';
import { AuditWriter } from '../audit/audit-chain.js';
import { assertIsoDate } from '../calendar/dates.js';
import { UserError } from '../errors.js';
import type { SignedIn } from '../users/users.js';

export interface DunningEntry {
  ka: string;
  name: string;
  contact: string | null;
  phone: string | null;
  overdueFen: number;
  items: { docNo: string; docDate: string; dueDate: string | null; openFen: number; daysOverdue: number }[];
  lastFollowUp: { note: string; by: string; at: string } | null;
}

/** 催款: what each KA owes past its due date, oldest first, with whom to call and what was said last time. */
export function dunningList(book: Book, asOfText: string): DunningEntry[] {
  const asOf = assertIsoDate(asOfText, { field: '--as-of' });
  const open = receivablesAsOf(book, null, asOf).filter((o) => o.open_fen > 0 && o.days_past_due > 0);
  return kaList(book).map((k) => {
    const items = open.filter((o) => o.ka_account_id === k.id).sort((a, b) => b.days_past_due - a.days_past_due)
      .map((o) => ({ docNo: o.doc_no, docDate: o.doc_date, dueDate: o.due_date, openFen: o.open_fen, daysOverdue: o.days_past_due }));
    const last = lastFollowup(book, k.id);
    return { ka: k.code, name: k.name, contact: k.contact, phone: k.phone, overdueFen: items.reduce((s, i) => s + i.openFen, 0), items,
      lastFollowUp: last ? { note: last.note, by: last.by_user, at: last.at } : null };
  }).filter((e) => e.items.length > 0);
}

export function recordFollowUp(book: Book, kaCode: string, note: string, user: SignedIn): void {
  if (!note.trim()) throw new UserError('credit.follow-up-note', {}, { field: '--note' });
  book.write(() => {
    const ka = findKaAccount(book, kaCode);
    if (!ka) throw new UserError('master.unknown-ka', { code: kaCode }, { field: '--follow-up' });
    insertFollowup(book, ka.id, note, user.username);
    new AuditWriter(book).append({ actor: user.username, action: 'follow-up', entity: 'credit_ka', entityKey: kaCode, after: { note } });
  });
}
