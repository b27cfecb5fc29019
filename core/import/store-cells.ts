/**
 * What a store cell holds, as portals and ERPs write it: a code ("101"), a name ("上海古北店"), or both joined —
 * code first or name first, by a dash, a space, a colon or any kind of bracket, half- or full-width
 * ("101-上海古北店", "上海古北店(101)", "【101】上海古北店", "101 上海古北店", "客户：01.0023 大润发杨浦店"), or a word for
 * the whole chain (全系统, 总部): a line of the KA account with no store.
 */
export interface StoreCellParts {
  text: string;
  /** 全系统, 全部门店, 总部 …: the line belongs to the KA account, not to a store */
  chain: boolean;
  /** readings to try, most likely first: a code and/or a name */
  readings: { code?: string; name?: string }[];
}

const CHAIN = /^(全系统|全部门店|所有门店|全部|全店|全国|总部|公司总部|系统|全渠道|不分门店|集团|总仓|all|all stores|chain|chain wide|chainwide|hq|head office|total company|-|—|－|\/|无)$/i;
const LABEL = /^(门店|店铺|分店|客户|购货单位|往来单位|收货单位|store|customer|site)\s*(编号|编码|名称)?\s*[:：]\s*/i;
const CODE = '[A-Za-z]{0,4}[-_]?[0-9][A-Za-z0-9._-]{0,19}';
const OPEN = '[\\[【(（<《{〔「]';
const CLOSE = '[\\]】)）>》}〕」]';
const SEP = '\\s*[-－—–_:：|/·~～]\\s*|\\s+';
const NAME = '[^\\s].*?';

const PATTERNS: { re: RegExp; code: number; name: number }[] = [
  { re: new RegExp(`^${OPEN}\\s*(${CODE})\\s*${CLOSE}\\s*(${NAME})$`), code: 1, name: 2 },
  { re: new RegExp(`^(${NAME})\\s*${OPEN}\\s*(${CODE})\\s*${CLOSE}$`), code: 2, name: 1 },
  { re: new RegExp(`^(${CODE})(?:${SEP})(${NAME})$`), code: 1, name: 2 },
  { re: new RegExp(`^(${NAME})(?:${SEP})(${CODE})$`), code: 2, name: 1 },
  // glued: 101上海古北店, 上海古北店101
  { re: new RegExp(`^(${CODE})([\\u3400-\\u9fff].*)$`), code: 1, name: 2 },
  { re: new RegExp(`^(.*[\\u3400-\\u9fff])([A-Za-z]{0,4}[0-9]{2,}[A-Za-z0-9]*)$`), code: 2, name: 1 },
];

/** A cell without Chinese characters or spaces is a code (A021, 01.0023, KH-0001), never a name. */
const CODE_ONLY = /^[A-Za-z0-9][A-Za-z0-9._\-/#]*$/;

/** A name names something: Chinese characters, or words of letters (Store Xuhui); never a code alone. */
function isName(text: string): boolean {
  if (CODE_ONLY.test(text)) return false;
  return /[\u3400-\u9fff]/.test(text) || /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(text);
}

export function storeCellParts(raw: string): StoreCellParts {
  const text = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (CHAIN.test(text)) return { text, chain: true, readings: [] };
  const body = text.replace(LABEL, '');
  const readings: { code?: string; name?: string }[] = [];
  for (const p of PATTERNS) {
    const m = p.re.exec(body);
    if (!m) continue;
    const code = m[p.code]?.trim();
    const name = m[p.name]?.trim();
    if (!code || !name || !isName(name)) continue;
    if (!readings.some((r) => r.code === code && r.name === name)) readings.push({ code, name });
  }
  // The cell as a whole: a code of its own (A021, 01.0023) or a name of its own (上海古北店).
  if (isName(body)) readings.push({ name: body });
  else readings.unshift({ code: body });
  return { text, chain: false, readings };
}

/** Store codes compare without case, spaces or width. */
export function normaliseCode(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** A code without the KA's letter prefix and leading zeros (CN0101 → 101, A021 → 21): how a shortened code is found. */
export function codeCore(code: string): string {
  const n = normaliseCode(code);
  const m = /^([A-Z]*)0*(\d[\dA-Z]*)$/.exec(n);
  return m ? m[2]! : n;
}

/** Names compare without the chain's name, spaces, brackets or the words every store name carries. */
export function normaliseName(name: string, chainNames: string[] = []): string {
  let n = name.normalize('NFKC').toLowerCase().replace(/[\s()（）[\]【】\-_·.,，、]/g, '');
  for (const chain of chainNames) {
    const c = chain.normalize('NFKC').toLowerCase().replace(/\s/g, '');
    if (c && n.startsWith(c) && n.length > c.length) n = n.slice(c.length);
  }
  return n.replace(/(有限公司|股份|超市|大卖场|购物中心|商场|门店|分店|店)$/u, '') || n;
}
