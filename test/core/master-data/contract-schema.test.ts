import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contractInput } from '../../../core/master-data/schemas.js';

describe('the published contract schema', () => {
  it('is the one the importer uses (run `node scripts/write-contract-schema.mjs` after changing the contract schema)', () => {
    const published = JSON.parse(readFileSync(new URL('../../../docs/contract.schema.json', import.meta.url), 'utf8')) as { anyOf: unknown[] };
    const item = z.toJSONSchema(contractInput, { io: 'input' }) as Record<string, unknown>;
    delete item.$schema;
    expect(published.anyOf[0]).toEqual(item);
  });

  it('accepts the sample contract file', () => {
    const file = JSON.parse(readFileSync(new URL('../../fixtures/import/contracts.json', import.meta.url), 'utf8')) as { contracts: unknown[] };
    for (const c of file.contracts) expect(contractInput.safeParse(c).success).toBe(true);
  });
});
