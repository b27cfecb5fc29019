import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageing } from '../../../core/credit/ageing.js';
import { channelWatch } from '../../../core/credit/channel-watch.js';
import { dunningList, recordFollowUp } from '../../../core/credit/dunning.js';
import { exposures, setCreditLimit } from '../../../core/credit/exposure.js';
import { DEFAULT_RULES, explainGrade, gradeOf, pointsFor } from '../../../core/credit/grades.js';
import { overrideHold } from '../../../core/credit/holds.js';
import { statementOfAccount, writeStatementOfAccountXlsx } from '../../../core/credit/statement-of-account.js';
import { generateDemo } from '../../../core/demo/generate-demo.js';
import { importFile } from '../../../core/import/import-file.js';
import { reconcilePeriod } from '../../../core/reconcile/reconcile-period.js';
import { lastDayOf } from '../../../core/calendar/dates.js';
import { setSettingJson } from '../../../db/queries/settings.js';
import { limitHistory } from '../../../db/queries/credit.js';
import { addPeople } from '../../helpers/people.js';
import { bookState, importOk, SEP, sepBook } from '../../helpers/sep-book.js';
import { tempBook, tempDir } from '../../helpers/temp-book.js';
import { said } from '../../helpers/said.js';
import { renderMessage } from '../../../locale/index.js';
import { codeOf } from '../../helpers/errors.js';

const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];

describe('ageing and the credit file of the demo year', () => {
  it('ties to the ledger at every month end, by due date and by document date, whatever the grouping', async () => {
    const book = await tempBook();
    generateDemo(book, { seed: 21 });
    for (const m of MONTHS) reconcilePeriod(book, { period: m, actor: 'accountant', asOf: lastDayOf(m) });
    for (const m of MONTHS) {
      for (const by of ['ka', 'store', 'distributor', 'manufacturer'] as const) {
        const r = ageing(book, lastDayOf(m), by, by === 'store' ? 'document' : 'due');
        expect(r.ties, `${m} by ${by}`).toBe(true);
        expect(r.rows.reduce((s, x) => s + x.total, 0)).toBe(r.ledgerBalance);
      }
    }
    const r = ageing(book, '2026-10-31');
    expect(r.buckets.map((b) => renderMessage('zh', b))).toEqual(['未到期', '1–30 天', '31–60 天', '61–90 天', '91–180 天', '180 天以上']);
    expect(r.totals.buckets[0]).toBeGreaterThan(0);
    // The conflict watch finds what the generator put in, and nothing else.
    const w = channelWatch(book);
    const injectedGaps = (book.db.prepare("SELECT natural_key FROM demo_injections WHERE kind = 'channel_price_gap' ORDER BY natural_key").all() as { natural_key: string }[]).map((x) => x.natural_key);
    expect(w.priceGaps.map((g) => `${g.ka}|${g.sku}`).sort()).toEqual(injectedGaps);
    const injectedSpikes = (book.db.prepare("SELECT natural_key FROM demo_injections WHERE kind = 'order_spike'").all() as { natural_key: string }[]).map((x) => x.natural_key.split('|')[1]);
    expect(w.orderSpikes.map((s) => s.delivery_no)).toEqual(injectedSpikes);
    expect(w.orderSpikes[0]).toMatchObject({ ka: 'MET', city: '青岛' });
  });
});

describe('credit grades', () => {
  it('give each measure all, two thirds, one third or none of its points at the thresholds', () => {
    const t: [number, number, number] = [45, 75, 120];
    expect([44, 45, 46, 75, 76, 120, 121].map((v) => pointsFor(v, t, 25))).toEqual([25, 25, 17, 17, 8, 8, 0]);
    expect([80, 79, 60, 59, 40, 39].map((s) => gradeOf(s, DEFAULT_RULES))).toEqual(['A', 'B', 'B', 'C', 'C', 'D']);
    const best = explainGrade({ dso: 30, overdueShare: 0.05, longestOverdue: 10, disputedShare: 0, shortPaidShare: 0 }, DEFAULT_RULES);
    expect(best).toMatchObject({ grade: 'A', score: 100 });
    const worst = explainGrade({ dso: 200, overdueShare: 0.9, longestOverdue: 300, disputedShare: 0.5, shortPaidShare: 0.2 }, DEFAULT_RULES);
    expect(worst).toMatchObject({ grade: 'D', score: 0 });
    expect(renderMessage('zh', worst.measures[0]!.reason)).toBe('应收周转天数 200 天：0/25 分');
    expect(renderMessage('en', worst.measures[0]!.reason)).toBe('days sales outstanding 200: 0 of 25 points');
    const edge = explainGrade({ dso: 46, overdueShare: 0.1, longestOverdue: 30, disputedShare: 0.05, shortPaidShare: 0.01 }, DEFAULT_RULES);
    expect(edge).toMatchObject({ grade: 'A', score: 92 });
  });

  it('are computed from the book, kept with their reasons, with limits, exposure and headroom', async () => {
    const book = await sepBook();
    await importOk(book, 'deliveries', `${SEP}10-deliveries.csv`);
    await importOk(book, 'receipts', `${SEP}11-receipts-rtm.csv`);
    const people = addPeople(book);
    expect(codeOf(() => setCreditLimit(book, 'ka:RTM', 100_000, 'new account', people.wang))).toBe('security.forbidden');
    setCreditLimit(book, 'ka:RTM', 100_000, 'new account', people.li);
    setCreditLimit(book, 'ka:RTM', 250_000, 'paid on time for a quarter', people.zhao);
    expect(limitHistory(book, 'ka', 1).map((h) => [h.limit_fen, h.set_by])).toEqual([[250_000, 'zhao'], [100_000, 'li']]);
    const e = exposures(book, '2026-09-30', 'li').find((x) => x.entity === 'ka' && x.code === 'RTM')!;
    expect(e).toMatchObject({ openReceivables: 205_770, gross: 205_770, limit: 250_000, headroom: 44_230 });
    expect(e.grade.measures).toHaveLength(5);
    expect(book.db.prepare("SELECT count(*) AS n FROM credit_grades WHERE as_of = '2026-09-30'").get()).toEqual({ n: 3 });
  });
});

describe('credit holds on the import path', () => {
  async function heldBook(mode: 'warn' | 'block') {
    const book = await sepBook();
    await importOk(book, 'receipts', `${SEP}11-receipts-rtm.csv`); // RTM owes 1,366.50 + 691.20
    const people = addPeople(book);
    setCreditLimit(book, 'ka:RTM', 100_000, 'small account', people.li);
    book.write(() => setSettingJson(book, 'credit.hold_mode', JSON.stringify(mode), 'admin'));
    return { book, people };
  }

  it('warns about deliveries to a KA over its limit and still imports them', async () => {
    const { book } = await heldBook('warn');
    const r = await importOk(book, 'deliveries', `${SEP}10-deliveries.csv`);
    expect(r.created).toBe(4);
    // On 2026-09-02 RTM owed nothing yet; by 2026-09-05 its receipt of 09-03 (1,366.50) put it over 1,000.00.
    expect(r.warnings.map((w) => w.row)).toEqual([4]);
    expect(renderMessage('zh', r.warnings[0]!.reason)).toMatch(/风险敞口 ¥1,366\.50 超过信用额度 ¥1,000\.00/);
  });

  it('refuses them in block mode, changing nothing, until a credit controller releases the KA', async () => {
    const { book, people } = await heldBook('block');
    const before = bookState(book);
    const r = await importFile(book, `${SEP}10-deliveries.csv`, { kind: 'deliveries', actor: 'wang' });
    expect(r.committed).toBe(false);
    expect(r.errors.map((e) => e.row)).toEqual([4]);
    expect(renderMessage('zh', r.errors[0]!.reason)).toMatch(/送货被信用冻结：.*信用主管可以解除/);
    expect(bookState(book)).toBe(before);
    expect(codeOf(() => overrideHold(book, 'RTM', '2026-09-30', 'new PO guaranteed by the KA buyer', people.wang))).toBe('security.forbidden');
    overrideHold(book, 'RTM', '2026-09-30', 'new PO guaranteed by the KA buyer', people.li);
    const again = await importOk(book, 'deliveries', `${SEP}10-deliveries.csv`);
    expect(again.created).toBe(4);
    expect(book.db.prepare("SELECT actor FROM audit_log WHERE action = 'override-hold'").get()).toEqual({ actor: 'li' });
  });
});

describe('dunning', () => {
  it('lists overdue items with contacts and the last follow-up, and exports a statement of account', async () => {
    const book = await sepBook();
    await importOk(book, 'receipts', `${SEP}12-receipts-met.xlsx`);
    const people = addPeople(book);
    const list = dunningList(book, '2026-11-20');
    expect(list).toMatchObject([{ ka: 'MET', overdueFen: 1_182_000, items: [{ daysOverdue: 40 }], lastFollowUp: null }]);
    recordFollowUp(book, 'MET', 'called 李经理, payment promised by 11-30', people.wang);
    expect(dunningList(book, '2026-11-20')[0]!.lastFollowUp).toMatchObject({ by: 'wang', note: 'called 李经理, payment promised by 11-30' });
    const s = statementOfAccount(book, 'MET', '2026-11-20');
    expect(s).toMatchObject({ balance: 1_182_000, inCapitals: '壹万壹仟捌佰贰拾元整' });
    const path = join(tempDir(), 'soa.xlsx');
    await writeStatementOfAccountXlsx(s, path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    let balance = 0;
    wb.worksheets[0]!.eachRow((row) => { if (String(row.getCell(1).value).startsWith('余额')) balance = Number(row.getCell(5).value); });
    expect(Math.round(balance * 100)).toBe(1_182_000);
  });
});
