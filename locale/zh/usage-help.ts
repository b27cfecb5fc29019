/**
 * `ka-settle help` in Chinese: commands, options and placeholders as typed, what they do in Chinese, in the same
 * words the window and the statements use (核销, 红字冲销, 对账, 结算单 …).
 */
export const usageHelpZh = {
  'usage.help': `ka-settle — KA 送货结算账套

用法：
  ka-settle init BOOK [--name NAME]                 新建一个空账套
  ka-settle demo BOOK [--seed N] [--scale tiny|small|medium|large] [--from YYYY-MM] [--raw]
                                                    新建一个装有一年演示业务的账套
  ka-settle import BOOK KIND FILE... [--ka CODE] [--date YYYY-MM-DD] [--mapping NAME] [--map "heading=field;..."]
                  [--save-mapping NAME] [--no-saved-mapping] [--date-order dmy|mdy]
                  [--learn-customers] [--customers FILE] [--allow-dates] [--dry-run] [--replace [--reason R]]
      KIND：manufacturers, distributors, ka-accounts, stores, products, prices, contracts, promotions,
            deliveries, receipts, returns, statements, deductions, remittances, manufacturer-credits
      每个文件是一个事务：文件中只要有一行有错，就什么也不导入，并列出每一个错行。
      FILE：.xlsx、.xls（BIFF8/BIFF5 或 HTML）、UTF-8、UTF-16 或 GB18030 编码的 .csv/.tsv/.txt，或装有这些文件的 .zip
      （其中每个文件单独导入）。--allow-dates 确认日期早于账套第一个月一年以上、
      或晚于今天的单据。
      按文件的标题行找到已保存的列映射并套用（--no-saved-mapping 不用它）；账套不认识的 ERP 客户编码
      会连同建议的门店一起列出（--learn-customers 采纳建议，
      --customers FILE 指定对照：客户编码, 系统, 门店编号）。
      与账套中已有单据不同的单据逐行列出（旧 → 新），整个文件不导入；
      --replace 红字冲销旧版本并过账新版本，--dry-run 只显示将会改变什么。
  ka-settle import BOOK --undo BATCH --reason R     撤销导入：冲销一个导入批次过账的每一张单据
  ka-settle reverse BOOK DOCUMENT --reason R        红字冲销：冲销一张单据（自然键或单据号），先撤销它的核销
  ka-settle reallocate BOOK REMITTANCE --reason R [--by references|oldest] [--items DOC[=AMOUNT],...]
                                                    重新核销：撤销一笔回款的核销，再重新分配
  ka-settle show BOOK [WHAT] [options]              查看主数据、单据和余额
      WHAT：summary（默认）, manufacturers, distributors, ka-accounts, stores, products, prices,
            contracts, contract CODE, promotions, documents, document KEY（连同其更正）, batches,
            balances, periods, audit, injections
      --kind K --period YYYY-MM --ka CODE --distributor CODE --batch N   筛选单据
      --by account|ka|distributor|period --as-of YYYY-MM-DD              用于余额
      --limit N（默认 100）--offset N                                   分页
  ka-settle reconcile BOOK --period YYYY-MM [--ka CODE] [--as-of DATE]
                                                    对账：送货与验收、扣款、费用申请、回款、KA 对账单
      --lines [--status S] [--store CODE] [--sku SKU] | --unexpected      已保存的对账结果
      --confirm LINE | --override LINE --status S --note N | --annotate LINE --note N
  ka-settle deductions BOOK --period YYYY-MM [--ka CODE] [--disputed] | --reclassify LINE --fee-type T
  ka-settle claims BOOK [--status S] [--show ID] | --submit|--approve|--write-off|--reject ID [--reason R] [--date D]
  ka-settle accrue BOOK --period YYYY-MM            计提返利、配送补贴、价格保护（只过账差额）
  ka-settle terms BOOK --contract CODE [--period YYYY-MM] --explain
  ka-settle users BOOK [--add NAME --role accountant|credit_controller|manager|admin [--name DISPLAY]] [--disable NAME]
                  | --enable NAME | --reset-password NAME | --set-role NAME --role R | --password
                  | --sessions | --revoke-sessions NAME     （新密码从 KA_SETTLE_NEW_PASSWORD 读取）
  ka-settle login BOOK --user U [--hours N] [--no-save]   登录一次，供一批命令使用（密码从
                                                    KA_SETTLE_PASSWORD 或标准输入读取；默认 12 小时）
  ka-settle logout BOOK                             结束保存的登录会话（或 KA_SETTLE_SESSION 中的会话）
  ka-settle close BOOK --period YYYY-MM --prepare|--review|--approve|--reopen|--exceptions|--accept KEY|--accept-all
                  --user U [--reason R]
  ka-settle statement BOOK --period YYYY-MM --distributor CODE [--manufacturer CODE] [--version N]
                  --out FILE.xlsx|.pdf|.json [--details]
                  | --confirm manufacturer|ka:CODE --result confirmed|disputed [--reason R] --user U
  ka-settle ageing BOOK --as-of YYYY-MM-DD [--by ka|store|distributor|manufacturer] [--basis due|document|invoice]
  ka-settle credit BOOK [--as-of DATE] | --set-limit ka:CODE|distributor:CODE --amount A --reason R
                  | --override KA --until DATE --reason R | --dunning | --follow-up KA --note N
                  | --statement-of-account KA --out FILE.xlsx|.pdf | --watch | --history ka:CODE
  ka-settle invoices BOOK match --period YYYY-MM[..YYYY-MM] [--ka CODE] [--as-of DATE]
                                                    三单匹配：验收 − 退货 − 票扣 ↔ 开票 ↔ 回款，并说明差异
      fees --period …                               费用发票：已收、缺失（及账龄）、票扣、应开红字
      to-invoice --period … [--out FILE.xlsx]       待开票清单：还要开的发票，可导出为工作簿照着开票
      link --invoice NUMBER --document DOCNO [--amount YUAN] | unlink … --reason TEXT
      void --invoice NUMBER --reason TEXT | relink --period …   作废（从不删除）/ 重新自动关联
  ka-settle vouchers BOOK --period YYYY-MM --format kingdee|yonyou|csv --out FILE [--group document|day]
                  [--layout NAME|FILE.json] [--word 记] [--start N] --user U
                                                    把当月新的分录导出为总账凭证（金蝶、用友、CSV）
      --again [--batch N]                           重新写出以前导出的凭证（逐字节相同）
      --period YYYY-MM [--list [--batch N]]          现在导出会写出什么，或已导出的凭证
      --mapping [--period P] | --accept-proposals [--account A,B] | --map ACCOUNT=CODE [--gl-name N] [--aux customer:ka,supplier,department]
      --chart FILE.xlsx | --items | --map-item ka|store|manufacturer|distributor:CODE=GLCODE [--gl-name N]
                                                    科目对照和核算项目；修改时加 --user U
  ka-settle settings BOOK [--set KEY=JSON --user U]  容差、账龄区间、冻结方式、评级规则、计提基础
  ka-settle serve [BOOK] [--port N]                 在浏览器中打开窗口，地址为 127.0.0.1（打印带令牌的地址）
  ka-settle check BOOK [--against FILE.pdf|.package] 证明账套完好：SQLite 完整、分录借贷平衡、
                                                    未清项与总账一致、审计链直到每次签核都完整、
                                                    结算单、数据库结构和各月未被篡改；--against
                                                    把账套与从它发出的已签结算单核对
  ka-settle package BOOK --period YYYY-MM --out FILE[.gz]   已审批月份的签名结算包
                  | --public-key FILE | --verify FILE        导出账套给总部的公钥；校验一个结算包
  ka-settle hq SUBCOMMAND [--db postgres://…|FOLDER] [--user U]   厂家总部：
      init                                          建立或升级总部的数据库结构（不写 --db：内嵌的 PGlite 文件夹）
      users [--add NAME --role credit_controller|ka_manager|admin [--name N]] [--disable NAME]
      register KEYFILE...                           接受用某个经销商账套密钥签名的结算包
      load FILE...                                  校验并载入结算包（每个一个事务；有被拒的则退出码为 1）
      exposure [--period P] | --set-limit KA --amount A --reason R      各 KA 系统的敞口、额度和评级
      claims [--state S] [--distributor D] [--ka K] | --approve IDS | --reject IDS --reason R | --confirm IDS
             | --send-back IDS --reason R          所有经销商的费用申请队列，四眼复核
      credits [--out-dir DIR [--date D] [--method cash|goods|invoice_discount] [--distributor D] | --again FILE-NO]
      rebates [--period P] | --contract FILE.json   全国合同返利，分摊回各经销商
      watch [--period P]                            跨区域价差和门店订货异常（窜货）
      audit --from P --to P [--by ka|store|product] [--ka K]   KA 营销稽核
      missing --from P --to P                       还没有发来已审批月份的经销商
      check                                         总部的审计链

每个命令都可加 --json 输出机器可读的结果。在有用户的账套中，每一次写入（import、对账判定、deductions、
claims、accrue、credit、settings、users、close、statement --confirm）都需要一个经过验证的用户：
--user NAME，密码来自 KA_SETTLE_PASSWORD 或标准输入的第一行；或 ka-settle login 的登录会话
（为该账套保存，或在 KA_SETTLE_SESSION 中）。没有用户的账套不受保护：它的写入会注明这一点，
并记录 --user、KA_SETTLE_USER 或系统用户（未经验证）。
退出码：0 成功，1 账套或输入有问题（信息会指出文件、行和字段），
2 命令行写错了。`,
} as const;
