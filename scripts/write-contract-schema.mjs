// Writes docs/contract.schema.json, the JSON Schema of a contract file for `ka-settle import BOOK contracts FILE.json`,
// from the zod schema the importer itself uses. A test checks the committed file is current.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';

const { contractInput } = await import('../dist/core/master-data/schemas.js');
export function contractJsonSchema() {
  const item = z.toJSONSchema(contractInput, { io: 'input' });
  delete item.$schema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'ka-settle contracts file',
    description: 'One contract, an array of contracts, or { "contracts": [...] }. Money in integer fen, rates in parts per million.',
    anyOf: [item, { type: 'array', items: item }, { type: 'object', properties: { contracts: { type: 'array', items: item } }, required: ['contracts'] }],
  };
}
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  writeFileSync(new URL('../docs/contract.schema.json', import.meta.url), `${JSON.stringify(contractJsonSchema(), null, 2)}\n`);
  console.log('wrote docs/contract.schema.json');
}
