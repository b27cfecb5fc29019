import type { Book } from '../db/connection.js';
import type { ServiceArgs, ServiceName, ServiceResult } from '../contract/service-contract.js';
import { checkBook } from '../core/book/check-book.js';
import { ageing } from '../core/credit/ageing.js';
import { importFile } from '../core/import/import-file.js';
import { decideResult } from '../core/reconcile/decide-result.js';
import { reconcilePeriod } from '../core/reconcile/reconcile-period.js';
import { bookSummary } from '../core/views/book-views.js';
import { homeStatus } from '../core/views/home-status.js';
import { claimsView, deliveryResultsView } from '../core/views/reconcile-views.js';

/** Who calls, once sign-in reaches the window; until then the bridge's own name. */
export interface ServiceContext { book: Book; actor: string }

type Handlers = { [N in ServiceName]: (ctx: ServiceContext, args: ServiceArgs<N>) => Promise<ServiceResult<N>> | ServiceResult<N> };

/**
 * The one typed handler map behind the contract: electron/ registers one ipcMain.handle per entry and the
 * browser bridge one route per entry; both validate the arguments against the contract before calling here.
 */
export const serviceHandlers: Handlers = {
  'book.summary': ({ book }) => bookSummary(book),
  'book.check': ({ book }) => checkBook(book),
  'home.status': ({ book }, a) => homeStatus(book, a.period, a.asOf),
  'import.preview': ({ book, actor }, a) => importFile(book, a.path, { kind: a.kind, actor, kaCode: a.ka, date: a.date, mapping: a.mapping, map: a.map, dryRun: true }),
  'import.commit': ({ book, actor }, a) => importFile(book, a.path, { kind: a.kind, actor, kaCode: a.ka, date: a.date, mapping: a.mapping, map: a.map, saveMappingAs: a.saveMappingAs }),
  'reconcile.run': ({ book, actor }, a) => reconcilePeriod(book, { period: a.period, kaCode: a.ka, asOf: a.asOf, actor }),
  'reconcile.lines': ({ book }, a) => ({
    rows: deliveryResultsView(book, { period: a.period, kaCode: a.ka, status: a.status, storeCode: a.store, sku: a.sku }, { offset: a.offset ?? 0, limit: a.limit ?? 100 }) as unknown as ServiceResult<'reconcile.lines'>['rows'],
  }),
  'reconcile.decide': ({ book, actor }, a) => {
    decideResult(book, a.lineId, a.decision === 'overridden' ? { decision: 'overridden', to: a.to, note: a.note } : a.decision === 'annotated' ? { decision: 'annotated', note: a.note } : { decision: 'confirmed', ...(a.note ? { note: a.note } : {}) }, actor);
    return { lineId: a.lineId, decided: true as const };
  },
  'claims.list': ({ book }, a) => claimsView(book, a.status ?? null, { offset: a.offset ?? 0, limit: a.limit ?? 100 }) as unknown as ServiceResult<'claims.list'>,
  'ageing.report': ({ book }, a) => ageing(book, a.asOf, a.by, a.basis),
};
