import { approvePeriod, preparePeriod, reviewPeriod } from '../../core/close/close-period.js';
import type { SignedIn } from '../../core/users/users.js';
import type { Book } from '../../db/connection.js';
import { delivery, post, receipt, type World } from './documents.js';
import type { addPeople } from './people.js';

/** A month of business that matches cleanly (no exceptions), so it can be prepared as it is. */
export function cleanMonth(book: Book, w: World, period: string, cases = 10): void {
  const n = period.replace('-', '');
  post(book, delivery(w, `XS${n}`, `${period}-02`, `PO${n}`, [[w.p001, cases, 64_000]]), receipt(w, `YS${n}`, `${period}-03`, `PO${n}`, [[w.p001, cases, 64_000]]));
}

/** The day after a month ends, as the as-of date of its reconciliation. */
export function dayAfter(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-05` : `${y}-${String(m + 1).padStart(2, '0')}-05`;
}

/** Prepare, review and approve a month as three people of three roles. */
export function closeMonth(book: Book, period: string, by: { preparer: SignedIn; reviewer: SignedIn; approver: SignedIn }): void {
  preparePeriod(book, period, by.preparer, dayAfter(period));
  reviewPeriod(book, period, by.reviewer);
  approvePeriod(book, period, by.approver);
}

export const usual = (people: ReturnType<typeof addPeople>) => ({ preparer: people.wang, reviewer: people.li, approver: people.zhao });
