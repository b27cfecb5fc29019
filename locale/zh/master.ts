/** Master data: unknown codes, records that cannot change, conflicts with what the book holds. */
export const masterZh = {
  'master.unknown-manufacturer': '没有厂家“{{code}}”',
  'master.unknown-distributor': '没有经销商“{{code}}”',
  'master.unknown-ka': '没有 KA 系统“{{code}}”',
  'master.unknown-store': '没有门店编号“{{code}}”',
  'master.unknown-product': '没有商品“{{code}}”（商品编码、条码或 KA 商品编码）',
  'master.manufacturer-mismatch': '经销商 {{distributor}} 属于厂家 {{actual}}，不是 {{given}}',
  'master.not-editable': '{{entity, label:importKinds}}不能直接修改：请新增一条（合同价请新增一个有效期）',
  'master.no-record': '没有{{entity, label:auditEntities}}“{{key}}”',
  'master.contract-identity': '合同的 KA 系统和厂家不能修改：请新建合同',
  'master.conflict': '{{entity, label:auditEntities}}“{{key}}”已在账套中，但内容不同：没有修改',
  'master.overlapping-price': '{{ka}} {{sku}} {{region}} 已有 {{from}} 至 {{to}} 的合同价',
  'master.no-contract': '没有合同“{{code}}”',
  'master.no-promotion': '没有促销“{{code}}”',
  'master.no-document': '没有单据号或键为“{{key}}”的单据',
} as const;
