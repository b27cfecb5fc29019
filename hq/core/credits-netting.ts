/**
 * 红字冲抵: what one credits file pays a distributor. Every approved claim still open is paid in full; an approved red
 * claim (a reversed deduction's manufacturer share taken back, negative) is set off against them in the same file,
 * oldest first, as long as the file still pays something or nothing — never less than nothing, since the
 * manufacturer does not invoice its distributor through a credits file. A red claim that does not fit waits,
 * approved, for the next file that has enough to set it off against. The file's amount is the net: what the
 * manufacturer actually pays, and what the book's bank sees.
 */
export interface DueClaim { id: number; period: string; doc_no: string; open_fen: number }

export function netCredits<C extends DueClaim>(claims: C[]): { paid: C[]; waiting: C[]; netFen: number } {
  const order = (a: C, b: C) => (a.period === b.period ? (a.doc_no < b.doc_no ? -1 : a.doc_no > b.doc_no ? 1 : a.id - b.id) : a.period < b.period ? -1 : 1);
  const positive = claims.filter((c) => c.open_fen > 0).sort(order);
  const red = claims.filter((c) => c.open_fen < 0).sort(order);
  let netFen = positive.reduce((s, c) => s + c.open_fen, 0);
  const paid = [...positive];
  const waiting: C[] = [];
  for (const r of red) {
    if (positive.length && netFen + r.open_fen >= 0) {
      paid.push(r);
      netFen += r.open_fen;
    } else waiting.push(r);
  }
  return { paid: paid.sort(order), waiting, netFen };
}
