import type { correctionsMethods } from '../../contract/corrections-methods.js';
import { importBatchesView } from '../../core/corrections/batches-view.js';
import { reversalChain } from '../../core/corrections/chain-view.js';
import { allocatableItems, remittancesView } from '../../core/corrections/corrections-views.js';
import { reallocateRemittance } from '../../core/corrections/reallocate.js';
import { reverseDocument } from '../../core/corrections/reverse.js';
import { undoImport } from '../../core/corrections/undo-import.js';
import { listUsers } from '../../core/users/users.js';
import type { BookSession } from '../book-session.js';
import type { HandlersOf } from './handler-types.js';

/** A correction names a person: the signed-in user where the book has users, as the command does. */
export function correctionActor(session: BookSession): string {
  return listUsers(session.requireBook()).length > 0 ? session.requireUser('act.correct').username : session.actor;
}

export const correctionsHandlers: HandlersOf<typeof correctionsMethods> = {
  'corrections.reverse': ({ session }, a) => reverseDocument(session.requireBook(), a.documentId, { actor: correctionActor(session), reason: a.reason }),
  'corrections.chain': ({ session }, a) => ({ chain: reversalChain(session.requireBook(), a.documentId) }),
  'corrections.batches': ({ session }, a) => ({ rows: importBatchesView(session.requireBook(), { limit: a.limit, offset: a.offset }) }),
  'corrections.undoImport': ({ session }, a) => {
    const r = undoImport(session.requireBook(), a.batchId, { actor: correctionActor(session), reason: a.reason });
    return { batch: r.batch, undoBatch: r.undoBatch, reversed: r.reversed.length, reinstated: r.reinstated.length };
  },
  'corrections.remittances': ({ session }, a) => ({ rows: remittancesView(session.requireBook(), a.period, a.ka, { limit: a.limit, offset: a.offset }) }),
  'corrections.openItems': ({ session }, a) => ({ rows: allocatableItems(session.requireBook(), a.remittanceId) }),
  'corrections.reallocate': ({ session }, a) => reallocateRemittance(session.requireBook(), a.remittanceId, {
    mode: a.mode, ...(a.items ? { items: a.items.map((i) => ({ documentId: i.documentId, ...(i.amountFen !== undefined ? { amountFen: i.amountFen } : {}) })) } : {}),
    actor: correctionActor(session), reason: a.reason,
  }),
};
