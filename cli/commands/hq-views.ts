import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseAmount } from '../../core/money/parse.js';
import { channelWatchHq, exposureByChain, marketingAudit, missingMonths, nationalRebates, saveNationalContract, setChainLimit } from '../../hq/core/views.js';
import { HQ_AUDIT_BREAKDOWNS, type HqAuditBreakdown } from '../../vocabulary/index.js';
import { printJson, printRows, type Io } from '../io.js';
import { UsageError } from '../usage.js';
import { HQ_OPTIONS, hqUser, sayer, withHq } from './hq-common.js';

const PERIOD = { period: { type: 'string' } } as const;

export async function hqExposure(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { ...HQ_OPTIONS, ...PERIOD, 'set-limit': { type: 'string' }, amount: { type: 'string' }, reason: { type: 'string' } } });
  return withHq(io, values.db, async (hq) => {
    if (values['set-limit']) {
      if (!values.amount) throw new UsageError('usage.hq-set-limit');
      const fen = parseAmount(values.amount, { field: '--amount' });
      await setChainLimit(hq, values['set-limit'], fen, values.reason ?? '', await hqUser(hq, io, values.user));
      sayer(io)({ code: 'hq.limit-set', params: { ka: values['set-limit'], amount: fen } });
      return 0;
    }
    const e = await exposureByChain(hq, values.period);
    if (values.json) printJson(io, e);
    else printRows(io, e.chains.map(({ grade, ...c }) => ({ ...c, grade: `${grade.grade} (${grade.score})` })).map((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k.replace(/Fen$/, '_fen'), v]))), false);
    return 0;
  });
}

export async function hqRebates(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { ...HQ_OPTIONS, ...PERIOD, contract: { type: 'string' } } });
  return withHq(io, values.db, async (hq) => {
    if (values.contract) {
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(values.contract, 'utf8'));
      } catch {
        throw new UsageError('usage.hq-contract-file', { file: values.contract });
      }
      const user = await hqUser(hq, io, values.user);
      for (const c of Array.isArray(input) ? input : [input]) await saveNationalContract(hq, c, user);
      sayer(io)({ code: 'hq.contracts-saved', params: { count: Array.isArray(input) ? input.length : 1 } });
      return 0;
    }
    const r = await nationalRebates(hq, values.period);
    if (values.json) printJson(io, r);
    else for (const c of r.contracts) {
      sayer(io)({ code: 'hq.rebate-line', params: { code: c.code, ka: c.ka, from: c.from, to: c.to, base: c.baseFen, rate: c.rateReached, rebate: c.rebateFen } });
      printRows(io, c.allocation.map((a) => ({ distributor: a.distributor, book: a.book, base_fen: a.baseFen, share_ppm: a.sharePpm, rebate_fen: a.rebateFen })), false);
    }
    return 0;
  });
}

export async function hqWatch(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { ...HQ_OPTIONS, ...PERIOD } });
  return withHq(io, values.db, async (hq) => {
    const w = await channelWatchHq(hq, values.period);
    if (values.json) printJson(io, w);
    else {
      printRows(io, w.priceGaps, false);
      printRows(io, w.storeSpikes, false);
    }
    return 0;
  });
}

export async function hqAudit(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { ...HQ_OPTIONS, from: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' }, ka: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } } });
  if (!values.from || !values.to) throw new UsageError('usage.hq-audit-needs');
  const by = (values.by ?? 'ka') as HqAuditBreakdown;
  if (!HQ_AUDIT_BREAKDOWNS.includes(by)) throw new UsageError('usage.one-of', { option: '--by', values: HQ_AUDIT_BREAKDOWNS.join(', ') });
  return withHq(io, values.db, async (hq) => {
    const a = await marketingAudit(hq, { from: values.from!, to: values.to!, by, ...(values.ka ? { ka: values.ka } : {}), limit: Number(values.limit ?? 500), offset: Number(values.offset ?? 0) });
    if (values.json) printJson(io, a);
    else printRows(io, a.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.replace(/Fen$/, '_fen').replace(/Ppm$/, '_ppm'), v]))), false);
    return 0;
  });
}

export async function hqMissing(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { ...HQ_OPTIONS, from: { type: 'string' }, to: { type: 'string' } } });
  if (!values.from || !values.to) throw new UsageError('usage.hq-missing-needs');
  return withHq(io, values.db, async (hq) => {
    const m = await missingMonths(hq, values.from!, values.to!);
    if (values.json) printJson(io, m);
    else {
      printRows(io, m.distributors.map((d) => ({ ...d, missing: d.missing.join(' ') })), false, '');
      sayer(io)({ code: 'hq.missing-summary', params: { missing: m.distributors.length, complete: m.complete, from: m.from, to: m.to } });
    }
    return 0;
  });
}
