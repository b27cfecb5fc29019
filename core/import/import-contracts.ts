import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import type { MasterDataWriter } from '../master-data/save-master-data.js';
import type { RowError } from './import-report.js';

/**
 * Contracts come as JSON (schema in the README): one contract object, an array of them, or `{ "contracts": [...] }`.
 * Each contract is row N of the file for messages.
 */
export function importContracts(file: string, writer: MasterDataWriter, errors: RowError[]): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  } catch (e) {
    throw new UserError('import.invalid-json', { detail: e instanceof Error ? e.message : String(e) }, { file });
  }
  const list = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' && Array.isArray((parsed as { contracts?: unknown }).contracts)
    ? (parsed as { contracts: unknown[] }).contracts : [parsed];
  list.forEach((contract, i) => {
    try {
      writer.contract(contract as never);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      const code = (contract as { code?: unknown })?.code;
      errors.push({ file, row: i + 1, field: e.place.field, reason: typeof code === 'string' ? { code: 'import.in-contract', params: { contract: code, reason: e.toMessage() } } : e.toMessage() });
    }
  });
  return list.length;
}
