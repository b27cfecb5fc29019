import type { overviewMethods } from '../../contract/overview-methods.js';
import { ageing } from '../../core/credit/ageing.js';
import { homeStatus } from '../../core/views/home-status.js';
import type { HandlersOf } from './handler-types.js';

export const overviewHandlers: HandlersOf<typeof overviewMethods> = {
  'home.status': ({ session }, a) => homeStatus(session.requireBook(), a.period, a.asOf),
  'ageing.report': ({ session }, a) => ageing(session.requireBook(), a.asOf, a.by, a.basis),
};
