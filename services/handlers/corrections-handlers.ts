import type { correctionsMethods } from '../../contract/corrections-methods.js';
import { importBatchesView } from '../../core/corrections/batches-view.js';
import { reversalChain } from '../../core/corrections/chain-view.js';
import { allocatableItems, remittancesView } from '../../core/corrections/corrections-views.js';
import { reallocateRemittance } from '../../core/corrections/reallocate.js';
import { reverseDocument } from '../../core/corrections/reverse.js';
import { undoImport } from '../../core/corrections/undo-import.js';
import type { HandlersOf } from './handler-types.js';

// A correction names a person: the gate (services/method-access.ts, bridge/dispatch.ts) has proven the actor and
// checked the corrections permission before any of these writes runs.

export const correctionsHandlers: HandlersOf<typeof correctionsMethods> = {
  'corrections.reverse': ({ session, actor }, a) => reverseDocument(session.requireBook(), a.documentId, { actor, reason: a.reason }),
  'corrections.chain': ({ session }, a) => ({ chain: reversalChain(session.requireBook(), a.documentId) }),
  'corrections.batches': ({ session }, a) => ({ rows: importBatchesView(session.requireBook(), { limit: a.limit, offset: a.offset }) }),
  'corrections.undoImport': ({ session, actor }, a) => {
    const r = undoImport(session.requireBook(), a.batchId, { actor, reason: a.reason });
    return { batch: r.batch, undoBatch: r.undoBatch, reversed: r.reversed.length, reinstated: r.reinstated.length };
  },
  'corrections.remittances': ({ session }, a) => ({ rows: remittancesView(session.requireBook(), a.period, a.ka, { limit: a.limit, offset: a.offset }) }),
  'corrections.openItems': ({ session }, a) => ({ rows: allocatableItems(session.requireBook(), a.remittanceId) }),
  'corrections.reallocate': ({ session, actor }, a) => reallocateRemittance(session.requireBook(), a.remittanceId, {
    mode: a.mode, ...(a.items ? { items: a.items.map((i) => ({ documentId: i.documentId, ...(i.amountFen !== undefined ? { amountFen: i.amountFen } : {}) })) } : {}),
    actor, reason: a.reason,
  }),
};
