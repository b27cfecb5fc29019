// Figures as the corpus's own source data holds them — quantities in thousandths, prices in 1/10,000 yuan, amounts in
// fen — and as each system prints them. Written here independently of the product's code, so the expected documents
// are the generator's own arithmetic, never the importer's.

/** qty (thousandths) × price (1/10,000 yuan) in fen, half-up (四舍五入) at the line. */
export function lineFen(qtyMilli, priceE4) {
  const product = BigInt(qtyMilli) * BigInt(priceE4);
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  const fen = (magnitude * 2n + 100_000n) / 200_000n;
  return Number(negative ? -fen : fen);
}

const group = (digits) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 153600 → "1,536.00" (thousands separators), or "1536.00" when plain. */
export function yuan(fen, { separators = true, sign = true } = {}) {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100));
  const text = `${separators ? group(whole) : whole}.${String(abs % 100).padStart(2, '0')}`;
  return negative && sign ? `-${text}` : text;
}

/** 64000 → "6.40" (two decimals), or with `places` 4 → "6.4000". */
export function price(e4, places = 2) {
  const whole = Math.floor(e4 / 10_000);
  const frac = String(e4 % 10_000).padStart(4, '0');
  if (places === 4) return `${whole}.${frac}`;
  if (frac.slice(2) !== '00') return `${whole}.${frac.replace(/0+$/, '')}`;
  return `${whole}.${frac.slice(0, 2)}`;
}

/** 240000 → "240", 12500 → "12.5". */
export function qty(milli) {
  const whole = Math.trunc(milli / 1000);
  const frac = Math.abs(milli % 1000);
  return frac ? `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}` : String(whole);
}

/** Numbers for xlsx cells: exact in binary where the figures are (two and four decimals). */
export const asNumber = { yuan: (fen) => fen / 100, price: (e4) => e4 / 10_000, qty: (milli) => milli / 1000 };

/** An EAN-13 with its check digit: 690123450101 → 6901234501019. */
export function ean13(twelve) {
  const d = twelve.split('').map(Number);
  const sum = d.reduce((s, x, i) => s + x * (i % 2 ? 3 : 1), 0);
  return twelve + ((10 - (sum % 10)) % 10);
}

/** Dates in the styles systems write them. */
export const dates = {
  iso: (d) => d,
  slash: (d) => d.replace(/-/g, '/'),
  slashShort: (d) => { const [y, m, dd] = d.split('-'); return `${y}/${Number(m)}/${Number(dd)}`; },
  compact: (d) => d.replace(/-/g, ''),
  cjk: (d) => { const [y, m, dd] = d.split('-'); return `${y}年${Number(m)}月${Number(dd)}日`; },
  mdy: (d) => { const [y, m, dd] = d.split('-'); return `${m}/${dd}/${y}`; },
  dmy: (d) => { const [y, m, dd] = d.split('-'); return `${dd}/${m}/${y}`; },
  dmyDots: (d) => { const [y, m, dd] = d.split('-'); return `${dd}.${m}.${y}`; },
  withTime: (d) => `${d} 00:00:00`,
  cell: (d) => new Date(`${d}T00:00:00Z`),
};
