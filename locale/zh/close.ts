/** The month-end close (结账): exceptions, preparing, review, approval, reopening. */
export const closeZh = {
  'close.accept-reason': '接受例外需要填写原因',
  'close.accept-when-open': '{{period}} {{status, label:periodStatus}}：例外要在编制前接受',
  'close.not-an-exception': '“{{key}}”不是 {{period}} 未解决的例外',
  'close.prepare-when-open': '{{period}} {{status, label:periodStatus}}：只有未结的期间可以编制',
  'close.blocking': '{{period}} 还有 {{count}} 个未解决的例外（第一个：{{first}}）：请逐个处理，或填写原因接受',
  'close.statement-changed': '{{period}} 编制后数字有变化：请反结账后重新编制',
  'close.wrong-status': '{{period}} {{status, label:periodStatus}}：要先{{needed, label:periodStatus}}，才能{{step}}',
  'close.same-user': '{{user}} 编制了 {{period}}：{{step}}须由另一人完成',
  'close.admin-reopens': '只有管理员可以反结账',
  'close.reopen-reason': '反结账需要填写原因',
  'close.already-open': '{{period}} 本来就是未结状态',
  'close.exception-delivery': '{{status, label:status}}：送货单 {{docNo}}，门店 {{store}}，商品 {{sku}}——{{reason}}',
  'close.exception-receipt': '无送货：验收单 {{docNo}}，门店 {{store}}，商品 {{sku}}——{{reason}}',
  'close.exception-deduction': '{{verdict, label:verdicts}}：扣款单 {{docNo}}“{{wording}}” {{amount, yuan}}——{{reason}}',
  'close.exception-statement': '{{ka}} 对账单 {{statement}}：{{kind, label:differenceKinds}} {{reference}}（差额 {{difference, yuan}}）',
} as const;
