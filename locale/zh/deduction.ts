/** A deduction's contract check, in words (stored with the check as code and figures). */
export const deductionZh = {
  'deduction.unknown-wording': '“{{wording}}”不是已知的费用类型：请与 KA 核实，或手工分类',
  'deduction.no-contract': '没有有效合同：由经销商承担',
  'deduction.not-allowed': '合同 {{contract}} 不允许收取{{feeType, label:feeTypes}}',
  'deduction.over-amount': '{{amount, yuan}} 超过合同 {{contract}} 对{{feeType, label:feeTypes}}约定的 {{max, yuan}}',
  'deduction.over-points': '{{amount, yuan}} 超过门店验收额的 {{rate, ppm}}（{{limit, yuan}}）',
  'deduction.ok': '合同 {{contract}}：厂家承担 {{share, ppm}}',
} as const;
