import type { Book } from '../../db/connection.js';
import { liveStatements } from '../../db/queries/close.js';
import { listPeriods } from '../../db/queries/periods.js';
import { distributorCode } from '../../db/queries/sign-offs.js';
import type { Message } from '../../locale/index.js';
import { signedFigures } from '../close/close-period.js';
import { isUserError } from '../errors.js';
import { buildStatement, type StatementContent } from '../statement/build-statement.js';
import { finding, type CheckResult } from './check-result.js';
import { firstDifference, shortValue } from './json-difference.js';

/** Words that describe rather than count (a KA renamed after the close changes no figure). */
const DESCRIPTIVE = new Set(['name']);

/**
 * Every approved statement of a closed month, built again from the book as it stands, must show the figures that
 * were frozen and signed: anything dated in another month that moved them — or a row changed under the lock — shows
 * with the first figure that differs. A claim's later workflow status is not a figure (as at sign-off).
 */
export function checkClosedStatementsRebuild(book: Book): CheckResult {
  const problems: Message[] = [];
  let count = 0;
  for (const p of listPeriods(book).filter((x) => x.status === 'closed')) {
    for (const s of liveStatements(book, p.period).filter((x) => x.status === 'approved')) {
      count++;
      const distributor = distributorCode(book, s.distributor_id) ?? String(s.distributor_id);
      const who = { distributor, period: p.period, version: s.version };
      try {
        const frozen = JSON.parse(s.content_json) as StatementContent;
        const rebuilt = buildStatement(book, p.period, distributor, undefined, frozen.ageingEdgesDays ? { ageingEdges: frozen.ageingEdgesDays } : {});
        // Statements frozen before the buckets were recorded are compared without them.
        const now = frozen.ageingEdgesDays ? rebuilt : (({ ageingEdgesDays: _e, ...rest }) => rest)(rebuilt);
        // Compared as stored: through JSON, as the frozen copy went (so -0 is 0, as in its hash).
        const d = firstDifference(signedFigures(frozen), JSON.parse(JSON.stringify(signedFigures(now as StatementContent))), DESCRIPTIVE);
        if (d) problems.push({ code: 'security.check-rebuild-differs', params: { ...who, path: d.path, frozen: shortValue(d.a), now: shortValue(d.b) } });
      } catch (e) {
        problems.push({ code: 'security.check-rebuild-failed', params: { ...who, reason: isUserError(e) ? e.message : String(e) } });
      }
    }
  }
  return finding('check.closed-statements', problems, { code: 'security.check-rebuild-ok', params: { count } });
}
