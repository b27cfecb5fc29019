/** 结算单: the settlement statement as the window shows it. */
export const statementZh = {
  'statement.no-such-detail': '结算单没有第 {{table}} 张明细表（共 {{tables}} 张）',
} as const;
