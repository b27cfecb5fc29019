/**
 * Shares documents over invoices in order: each invoice covers documents up to its amount, a document may be split
 * over two invoices, and — when `lastTakesRest` — the last invoice takes whatever is left, so every document is
 * covered and any shortfall or excess stands on that invoice as its difference from what it covers.
 */
export function allocate(
  invoices: { id: number; capacity: number }[], documents: { id: number; role: string; amount: number }[], lastTakesRest: boolean,
): { invoiceId: number; documentId: number; role: string; amount: number }[] {
  const out: { invoiceId: number; documentId: number; role: string; amount: number }[] = [];
  if (invoices.length === 0) return out;
  let i = 0;
  let room = invoices[0]!.capacity;
  for (const doc of documents) {
    let left = doc.amount;
    while (left > 0) {
      const last = i === invoices.length - 1;
      if (!last && room <= 0) {
        i++;
        room = invoices[i]!.capacity;
        continue;
      }
      if (last && !lastTakesRest && room <= 0) return out;
      const take = last && lastTakesRest ? left : Math.min(left, room);
      out.push({ invoiceId: invoices[i]!.id, documentId: doc.id, role: doc.role, amount: take });
      left -= take;
      room -= take;
    }
  }
  return out;
}
