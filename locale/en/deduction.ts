import type { deductionZh } from '../zh/deduction.js';

export const deductionEn: Record<keyof typeof deductionZh, string> = {
  'deduction.unknown-wording': '"{{wording}}" is no fee type ka-settle knows: dispute it with the KA or classify it',
  'deduction.no-contract': 'no contract in force: the distributor bears it',
  'deduction.not-allowed': 'contract {{contract}} does not allow {{feeType, label:feeTypes}}',
  'deduction.over-amount': '{{amount, yuan}} is above the {{max, yuan}} contract {{contract}} allows for {{feeType, label:feeTypes}}',
  'deduction.over-points': "{{amount, yuan}} is above {{rate, ppm}} of the store's accepted sales ({{limit, yuan}})",
  'deduction.ok': 'contract {{contract}}: the manufacturer bears {{share, ppm}}',
} as const;
