import type { reconcileMethods } from '../../contract/reconcile-methods.js';
import { decideResult } from '../../core/reconcile/decide-result.js';
import { defaultExportPath, exportWorkbench } from '../../core/reconcile/export-workbench.js';
import { reconcilePeriod } from '../../core/reconcile/reconcile-period.js';
import { workbenchLine, workbenchLines } from '../../core/reconcile/workbench.js';
import { receiptCandidates, resolveReceipt, unexpectedReceipts } from '../../core/reconcile/unexpected-receipts.js';
import type { HandlersOf } from './handler-types.js';
import { languageOf } from '../../locale/index.js';

export const reconcileHandlers: HandlersOf<typeof reconcileMethods> = {
  'reconcile.run': ({ session, control, actor }, a) => reconcilePeriod(session.requireBook(), { period: a.period, kaCode: a.ka, asOf: a.asOf, actor, control }),
  'reconcile.lines': ({ session }, a) => workbenchLines(session.requireBook(), a),
  'reconcile.line': ({ session }, a) => workbenchLine(session.requireBook(), a.lineId),
  'reconcile.decide': ({ session, actor }, a) => {
    const decision = a.decision === 'overridden' ? { decision: 'overridden' as const, to: a.to, note: a.note }
      : a.decision === 'annotated' ? { decision: 'annotated' as const, note: a.note }
        : { decision: 'confirmed' as const, ...(a.note ? { note: a.note } : {}) };
    decideResult(session.requireBook(), a.lineId, decision, actor);
    return { lineId: a.lineId, decided: true as const };
  },
  'reconcile.unexpected': ({ session }, a) => unexpectedReceipts(session.requireBook(), a),
  'reconcile.candidates': ({ session }, a) => receiptCandidates(session.requireBook(), a.lineId),
  'reconcile.resolveReceipt': ({ session, actor }, a) => {
    resolveReceipt(session.requireBook(), a.lineId, a.how === 'match' ? { how: 'match', deliveryLineId: a.deliveryLineId, ...(a.note ? { note: a.note } : {}) } : { how: a.how, note: a.note }, actor);
    return { lineId: a.lineId, resolved: true as const };
  },
  'reconcile.export': ({ session, control }, a) => {
    const book = session.requireBook();
    const lang = languageOf(a.lang);
    return exportWorkbench(book, a, session.grants.writable(book, a.path, defaultExportPath(book, a, new Date(), lang)), control, lang);
  },
};
