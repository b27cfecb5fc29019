import { addDays, addMonths, lastDayOf, periodOf, periodsBetween } from '../calendar/dates.js';
import { naturalKey } from '../ledger/document-kinds.js';
import type { LineDraft } from '../ledger/post-documents.js';
import { KA_ACCOUNTS, MANUFACTURER } from './catalog.js';
import { inject, yymmdd, type DemoContext } from './facts.js';

const NOISE = { late: 0.08, short: 0.04, statementMissing: 0.04, statementDiff: 0.03 };

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Month by month, per KA and distributor: the KA's statement (对账单) of what it booked, and its remittance of
 * the receivables falling due, net of returns and deductions — some late, some short. A KA that settles centrally
 * pays the manufacturer, which passes the money on (货款转移). The manufacturer credits part of its share of the
 * fees each quarter.
 */
export function generateSettlements(ctx: DemoContext): void {
  const { world, poster, facts, rnd } = ctx;
  const periods = periodsBetween(world.first.slice(0, 7), world.last.slice(0, 7));
  const receipts = groupBy(facts.receipts, (r) => `${r.ka}|${r.distributorId}|${periodOf(r.date)}`);
  const receiptsDue = groupBy(facts.receipts, (r) => `${r.ka}|${r.distributorId}|${periodOf(r.due)}`);
  const returns = groupBy(facts.returns, (r) => `${r.ka}|${r.distributorId}|${periodOf(r.date)}`);
  const deductions = groupBy(facts.deductions, (d) => `${d.ka}|${d.distributorId}|${periodOf(d.date)}`);
  const distributorCode = new Map(world.distributors.map((d) => [d.id, d.code]));

  KA_ACCOUNTS.forEach((ka, kaIndex) => {
    const kaId = world.kaIds[kaIndex]!;
    const central = world.contracts[kaIndex]!.central;
    for (const distributor of world.distributors) {
      const group = `${kaIndex}|${distributor.id}`;
      const parties = { manufacturerId: world.manufacturerId, distributorId: distributor.id, kaAccountId: kaId };
      for (const period of periods) {
        const month = `${group}|${period}`;
        const monthReceipts = receipts.get(month) ?? [];
        const monthReturns = returns.get(month) ?? [];
        const monthDeductions = deductions.get(month) ?? [];

        // The KA's statement of the month, as the KA sees it.
        if (monthReceipts.length) {
          const docNo = `${ka.prefix.statement}${period.replace('-', '')}${distributor.code}`;
          const key = naturalKey(ka.code, docNo);
          const lines: LineDraft[] = [
            ...monthReceipts.map((r) => ({ storeId: r.storeId, reference: r.docNo, amount: r.total, memo: '验收' })),
            ...monthReturns.map((r) => ({ storeId: r.storeId, reference: r.docNo, amount: -r.total, memo: '退货' })),
            ...monthDeductions.map((d) => ({ storeId: d.storeId, reference: d.docNo, amount: -d.total, memo: '扣款' })),
          ];
          if (rnd.chance(NOISE.statementMissing) && lines.length > 1) {
            const [gone] = lines.splice(rnd.int(0, monthReceipts.length - 1), 1);
            inject(ctx, 'statement_missing_receipt', key, null, { receipt: gone!.reference, amount: gone!.amount });
          } else if (rnd.chance(NOISE.statementDiff)) {
            const i = rnd.int(0, monthReceipts.length - 1);
            const delta = -100 * rnd.int(1, 500);
            lines[i] = { ...lines[i]!, amount: lines[i]!.amount + delta };
            inject(ctx, 'statement_amount_diff', key, i + 1, { receipt: lines[i]!.reference, differenceFen: delta });
          }
          poster.post({ kind: 'statement', naturalKey: key, docNo, docDate: lastDayOf(period), ...parties, memo: `对账单 ${period}`, lines });
        }

        // The remittance of what falls due this month, less last month's returns and deductions.
        const due = receiptsDue.get(month) ?? [];
        if (!due.length) continue;
        const previous = `${group}|${addMonths(period, -1)}`;
        const netted = [...(returns.get(previous) ?? []).map((r) => ({ ref: r.docNo, amount: -r.total, storeId: r.storeId })),
          ...(deductions.get(previous) ?? []).map((d) => ({ ref: d.docNo, amount: -d.total, storeId: d.storeId }))];
        let date = addDays(`${period}-15`, rnd.int(-3, 5));
        const late = rnd.chance(NOISE.late);
        if (late) date = addDays(date, rnd.int(15, 45));
        if (date > world.last) continue;
        const lines: LineDraft[] = [
          ...due.map((r) => ({ storeId: r.storeId, reference: r.docNo, amount: r.total })),
          ...netted.map((n) => ({ storeId: n.storeId, reference: n.ref, amount: n.amount })),
        ];
        const docNo = `${ka.prefix.remittance}${yymmdd(date)}${distributor.code}${period.slice(5)}`;
        const key = naturalKey(ka.code, docNo);
        if (rnd.chance(NOISE.short)) {
          const i = rnd.int(0, due.length - 1);
          const shortBy = Math.min(lines[i]!.amount - 1, 100 * rnd.int(100, 2000));
          if (shortBy > 0) {
            lines[i] = { ...lines[i]!, amount: lines[i]!.amount - shortBy };
            inject(ctx, 'short_remittance', key, i + 1, { receipt: due[i]!.docNo, shortFen: shortBy });
          }
        }
        const total = lines.reduce((s, l) => s + l.amount, 0);
        if (total <= 0) continue;
        if (late) inject(ctx, 'late_remittance', key, null, { date, dueMonth: period });
        poster.post({ kind: 'remittance', naturalKey: key, docNo, docDate: date, ...parties, method: central ? 'central' : 'direct', lines });
        if (central) {
          const transferDate = addDays(date, rnd.int(5, 15));
          if (transferDate <= world.last) {
            const tNo = `ZY${yymmdd(transferDate)}${distributor.code}${ka.code}`;
            poster.post({ kind: 'manufacturer_credit', naturalKey: naturalKey(MANUFACTURER.code, tNo), docNo: tNo, docDate: transferDate,
              ...parties, method: 'transfer', reference: docNo, lines: [{ reference: docNo, amount: total, memo: '货款转移' }] });
          }
        }
      }
    }
  });

  // The manufacturer's credits for its share of the fees, a quarter in arrears, part paid.
  const methods = ['cash', 'goods', 'invoice_discount'] as const;
  for (const distributor of world.distributors) {
    for (let q = 0; q < 4; q++) {
      const quarter = periodsBetween(addMonths(world.first.slice(0, 7), q * 3), addMonths(world.first.slice(0, 7), q * 3 + 2));
      const share = facts.deductions
        .filter((d) => d.distributorId === distributor.id && quarter.includes(periodOf(d.date)))
        .reduce((s, d) => s + d.manufacturerShare, 0);
      const date = addDays(lastDayOf(quarter[2]!), rnd.int(30, 50));
      if (share <= 0 || date > world.last) continue;
      const amount = Math.round((share * rnd.int(60, 100)) / 100);
      const method = methods[(q + distributor.id) % methods.length]!;
      const docNo = `HX${yymmdd(date)}${distributorCode.get(distributor.id)}`;
      poster.post({ kind: 'manufacturer_credit', naturalKey: naturalKey(MANUFACTURER.code, docNo), docNo, docDate: date,
        manufacturerId: world.manufacturerId, distributorId: distributor.id, method, memo: `费用核销 ${quarter[0]}–${quarter[2]}`,
        lines: [{ amount, memo: `${quarter[0]}..${quarter[2]}` }] });
    }
  }
}
