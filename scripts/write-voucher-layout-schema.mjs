// Writes docs/voucher-layout.schema.json, the JSON Schema of a voucher layout file (core/vouchers/layouts/*.json, or
// one of the user's own for `ka-settle vouchers --layout FILE.json`), from the zod schema the exporter checks layouts
// with. A test checks the committed file is current.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';

const { voucherLayout } = await import('../dist/core/vouchers/layout-schema.js');
export function voucherLayoutJsonSchema() {
  const schema = z.toJSONSchema(voucherLayout, { io: 'input' });
  delete schema.$schema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'ka-settle voucher layout',
    description: 'How one general ledger imports vouchers: xlsx or text, which columns in which order, what each holds. Amounts are written in yuan with two decimals from integer fen.',
    ...schema,
  };
}
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  writeFileSync(new URL('../docs/voucher-layout.schema.json', import.meta.url), `${JSON.stringify(voucherLayoutJsonSchema(), null, 2)}\n`);
  console.log('wrote docs/voucher-layout.schema.json');
}
