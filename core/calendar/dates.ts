import { UserError, type ErrorPlace } from '../errors.js';

/**
 * Dates are ISO strings `YYYY-MM-DD` and periods (会计期间) are months `YYYY-MM`: they sort as text, compare as
 * text, and are stored as text in the book. Arithmetic goes through UTC so no time zone can shift a day.
 */
export type IsoDate = string;
export type Period = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD = /^(\d{4})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

export function assertIsoDate(text: string, place?: ErrorPlace): IsoDate {
  if (!isIsoDate(text)) throw new UserError('input.not-a-date', { text }, place);
  return text;
}

export function assertPeriod(text: string, place?: ErrorPlace): Period {
  const m = PERIOD.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
    throw new UserError('input.not-a-period', { text }, place);
  }
  return text;
}

export function periodOf(date: IsoDate): Period {
  return date.slice(0, 7);
}

function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * Today on this computer's calendar (not UTC: at 07:00 in Shanghai the UTC date is still yesterday), the default
 * date of what the user does now.
 */
export function today(now = new Date()): IsoDate {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** This month on this computer's calendar: the default period of what the user looks at now. */
export function currentPeriod(now = new Date()): Period {
  return periodOf(today(now));
}

/**
 * The local calendar date of an instant the book keeps in UTC (`2026-10-14T23:30:00Z` is 2026-10-15 in Beijing):
 * how a sign-off or a change is dated when a person reads it.
 */
export function localDateOf(instant: string): IsoDate {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant.slice(0, 10) : today(d);
}

/** A local date and time for file names: 20261015-073000. */
export function localStamp(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${today(now).replace(/-/g, '')}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export function firstDayOf(period: Period): IsoDate {
  return `${period}-01`;
}

export function lastDayOf(period: Period): IsoDate {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function addMonths(period: Period, months: number): Period {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 7);
}

export function periodsBetween(first: Period, last: Period): Period[] {
  const out: Period[] = [];
  for (let p = first; p <= last; p = addMonths(p, 1)) out.push(p);
  return out;
}
