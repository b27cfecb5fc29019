import type { serviceContract } from '../contract/service-contract.js';
import { adminHandlers } from './handlers/admin-handlers.js';
import { bookHandlers } from './handlers/book-handlers.js';
import { closeHandlers } from './handlers/close-handlers.js';
import { creditHandlers } from './handlers/credit-handlers.js';
import { feesHandlers } from './handlers/fees-handlers.js';
import { masterHandlers } from './handlers/master-handlers.js';
import { sessionHandlers } from './handlers/session-handlers.js';
import { termsHandlers } from './handlers/terms-handlers.js';
import type { HandlersOf } from './handlers/handler-types.js';
import { importHandlers } from './handlers/import-handlers.js';
import { overviewHandlers } from './handlers/overview-handlers.js';
import { reconcileHandlers } from './handlers/reconcile-handlers.js';
import { vouchersHandlers } from './handlers/vouchers-handlers.js';
import { correctionsHandlers } from './handlers/corrections-handlers.js';
import { hqHandlers } from './handlers/hq-handlers.js';
import { packageHandlers } from './handlers/package-handlers.js';

export type { ServiceContext } from './service-context.js';

/**
 * The one typed handler map behind the contract, gathered from one file per area. Calls arrive through
 * bridge/dispatch.ts (in the background process that holds the book), which validates the arguments first.
 */
export const serviceHandlers: HandlersOf<typeof serviceContract> = {
  ...bookHandlers, ...sessionHandlers, ...overviewHandlers, ...masterHandlers, ...importHandlers, ...reconcileHandlers, ...feesHandlers,
  ...termsHandlers, ...creditHandlers, ...closeHandlers, ...adminHandlers, ...vouchersHandlers, ...correctionsHandlers,
  ...packageHandlers, ...hqHandlers,
};
