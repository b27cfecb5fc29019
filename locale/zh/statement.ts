/** Statements (结算单): versions and confirmations. The printed words are under `print.…`. */
export const statementZh = {
  'statement.no-version': '{{distributor}} {{period}} 没有第 {{version}} 版',
  'statement.dispute-reason': '有异议需要写明理由',
  'statement.not-prepared': '{{distributor}} {{period}} 还没有编制的结算单可以回签',
  'statement.unknown-ka': 'KA 的回签要写明 KA（ka:编码）；“{{code}}”不存在',
  'statement.no-such-detail': '结算单没有第 {{table}} 张明细表（共 {{tables}} 张）',
} as const;
