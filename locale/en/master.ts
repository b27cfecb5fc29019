import type { masterZh } from '../zh/master.js';

export const masterEn: Record<keyof typeof masterZh, string> = {
  'master.unknown-manufacturer': 'unknown manufacturer "{{code}}"',
  'master.unknown-distributor': 'unknown distributor "{{code}}"',
  'master.unknown-ka': 'unknown KA account "{{code}}"',
  'master.unknown-store': 'unknown store code "{{code}}"',
  'master.unknown-product': 'unknown product "{{code}}" (SKU, barcode or KA item code)',
  'master.manufacturer-mismatch': 'distributor {{distributor}} works for {{actual}}, not {{given}}',
  'master.not-editable': '{{entity, label:importKinds}} are not edited in place: add a new one (a price gets a new validity period)',
  'master.no-record': 'no {{entity, label:auditEntities}} "{{key}}"',
  'master.contract-identity': 'a contract’s KA account and manufacturer cannot change; make a new contract',
  'master.conflict': '{{entity, label:auditEntities}} "{{key}}" is already in the book with different details; it was not changed',
  'master.overlapping-price': '{{ka}} {{sku}} {{region}} already has a price valid {{from}} to {{to}}',
  'master.no-contract': 'no contract "{{code}}"',
  'master.no-promotion': 'no promotion "{{code}}"',
  'master.no-document': 'no document with key or number "{{key}}"',
} as const;
