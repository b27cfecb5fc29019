import { describe, expect, it } from 'vitest';
import { ageingBuckets } from '../../../core/credit/ageing-buckets.js';
import { holdMode } from '../../../core/credit/holds.js';
import { reconcileSettings } from '../../../core/reconcile/settings.js';
import { bookSettings, changeSetting } from '../../../core/settings/book-settings.js';
import { addPeople } from '../../helpers/people.js';
import { tempBook } from '../../helpers/temp-book.js';
import { said } from '../../helpers/said.js';
import { codeOf } from '../../helpers/errors.js';

describe('book settings', () => {
  it('start at their documented defaults', async () => {
    const book = await tempBook();
    expect(reconcileSettings(book)).toEqual({ amountToleranceFen: 1, windowDays: 7 });
    expect(ageingBuckets(book)).toEqual([0, 30, 60, 90, 180]);
    expect(holdMode(book)).toBe('warn');
    expect(bookSettings(book).map((s) => s.key)).toEqual(['credit.ageing_buckets_days', 'credit.grading', 'credit.hold_mode', 'reconcile.amount_tolerance_fen', 'reconcile.window_days']);
  });

  it('change only to valid values, by the right people, audited with the old value', async () => {
    const book = await tempBook();
    const people = addPeople(book);
    expect(codeOf(() => changeSetting(book, 'credit.hold_mode', '"block"', people.wang))).toBe('security.forbidden');
    changeSetting(book, 'credit.hold_mode', '"block"', people.li);
    expect(holdMode(book)).toBe('block');
    changeSetting(book, 'reconcile.window_days', '10', people.zhao);
    expect(reconcileSettings(book).windowDays).toBe(10);
    changeSetting(book, 'credit.ageing_buckets_days', '[0, 15, 45, 90]', people.li);
    expect(ageingBuckets(book)).toEqual([0, 15, 45, 90]);
    expect(() => changeSetting(book, 'credit.ageing_buckets_days', '[0, 45, 15]', people.li)).toThrow(expect.objectContaining({ code: 'input.edges-rise', place: { field: 'credit.ageing_buckets_days' } }));
    expect(() => changeSetting(book, 'credit.hold_mode', '"sometimes"', people.li)).toThrow(expect.objectContaining({ code: 'input.invalid-option' }));
    expect(() => changeSetting(book, 'reconcile.window_days', 'ten', people.li)).toThrow(expect.objectContaining({ code: 'settings.not-json' }));
    expect(() => changeSetting(book, 'colour', '"red"', people.li)).toThrow(/no setting "colour"/);
    expect(book.db.prepare("SELECT before_json, after_json, actor FROM audit_log WHERE entity = 'setting' AND entity_key = 'credit.hold_mode'").get())
      .toEqual({ before_json: '"warn"', after_json: '"block"', actor: 'li' });
  });
});
