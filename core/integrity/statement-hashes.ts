import type { Book } from '../../db/connection.js';
import { iterateStoredStatements } from '../../db/queries/tamper.js';
import type { Message } from '../../locale/index.js';
import { canonicalJson, sha256Hex } from '../canonical-json.js';
import { finding, type CheckResult } from './check-result.js';

/**
 * Every stored statement version's content, hashed again as it was when frozen (SHA-256 over its canonical JSON),
 * must give the hash recorded beside it and signed: a figure raised in the book with the hash left alone shows here.
 */
export function checkStatementHashes(book: Book): CheckResult {
  const problems: Message[] = [];
  let count = 0;
  for (const s of iterateStoredStatements(book)) {
    count++;
    let actual: string;
    try {
      actual = sha256Hex(canonicalJson(JSON.parse(s.content_json)));
    } catch {
      actual = '';
    }
    if (actual !== s.sha256) problems.push({ code: 'security.check-statement-hash', params: { distributor: s.distributor, period: s.period, version: s.version } });
  }
  return finding('check.statement-hashes', problems, { code: 'security.check-statements-ok', params: { count } });
}
