import type { feesMethods } from '../../contract/fees-methods.js';
import { attachEvidence, claimAttachments } from '../../core/reconcile/claim-evidence.js';
import { creditsView } from '../../core/reconcile/credits-view.js';
import { moveClaim } from '../../core/reconcile/fee-claims.js';
import { reclassifyDeduction } from '../../core/reconcile/reclassify-deduction.js';
import { claimsView, claimView, deductionsView } from '../../core/views/reconcile-views.js';
import { today } from '../../core/calendar/dates.js';
import type { HandlersOf } from './handler-types.js';

export const feesHandlers: HandlersOf<typeof feesMethods> = {
  'fees.deductions': ({ session }, a) => ({ rows: deductionsView(session.requireBook(), a.period, a.ka, a.disputedOnly, { offset: a.offset, limit: a.limit }) }),
  'fees.reclassify': ({ session, actor }, a) => {
    reclassifyDeduction(session.requireBook(), a.lineId, a.feeType, actor, { saveRule: a.saveRule });
    return { lineId: a.lineId, feeType: a.feeType };
  },
  'claims.list': ({ session }, a) => claimsView(session.requireBook(), a.status ?? null, { offset: a.offset, limit: a.limit }),
  'claims.get': ({ session }, a) => {
    const book = session.requireBook();
    const claim = claimView(book, a.id);
    return { claim: { ...claim, attachments: claimAttachments(book, claim.doc_no) } };
  },
  'claims.move': ({ session, actor }, a) => ({
    id: a.id,
    status: moveClaim(session.requireBook(), a.id, a.to, actor, { date: a.date ?? today(), ...(a.reason ? { reason: a.reason } : {}) }),
  }),
  'claims.attach': ({ session, actor }, a) => ({ id: a.id, attachments: attachEvidence(session.requireBook(), a.id, session.grants.readable(session.requireBook(), a.path), actor) }),
  'credits.list': ({ session }, a) => ({ rows: creditsView(session.requireBook(), { offset: a.offset, limit: a.limit }) }),
};
