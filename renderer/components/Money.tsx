import { formatFen } from '../format/amount';

/** An amount in fen, right-aligned, negatives in red. */
export function Money({ fen, symbol = true }: { fen: number; symbol?: boolean }) {
  return <span className={fen < 0 ? 'money neg' : 'money'}>{formatFen(fen, { symbol })}</span>;
}
