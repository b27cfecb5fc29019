/**
 * The references an invoice's 备注 may carry — a KA statement or settlement number (对账单号 DZ202510D01), receipt
 * numbers, PO numbers — as tokens: runs of letters, digits, - and _, four characters or more. Chinese words and
 * punctuation separate them (对账单号：DZ202510D01；验收单 YS1001、YS1002).
 */
export function remarkTokens(remark: string | null | undefined): string[] {
  if (!remark) return [];
  const tokens = new Set<string>();
  for (const t of remark.normalize('NFKC').split(/[^0-9A-Za-z_-]+/)) {
    const token = t.replace(/^[-_]+|[-_]+$/g, '');
    if (token.length >= 4 && !/^\d{18,20}$/.test(token)) tokens.add(token);
    if (tokens.size >= 200) break;
  }
  return [...tokens];
}
