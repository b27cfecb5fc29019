/** Plain aligned tables for the terminal; CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, to: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return right ? fill + text : text + fill;
}

export interface Column<T> {
  header: string;
  value: (row: T) => string;
  right?: boolean;
}

export function renderTable<T>(rows: T[], columns: Column<T>[]): string {
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const widths = columns.map((c, i) => Math.max(width(c.header), ...cells.map((row) => width(row[i]!))));
  const line = (values: string[]) => values.map((v, i) => pad(v, widths[i]!, columns[i]!.right ?? false)).join('  ').trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Columns straight from an object's keys; amounts (`*_fen`) right-aligned and shown in yuan. */
export function autoColumns(rows: Record<string, unknown>[], format: (key: string, value: unknown) => string): Column<Record<string, unknown>>[] {
  const keys = rows.length ? Object.keys(rows[0]!) : [];
  return keys.map((key) => ({
    header: key,
    value: (row) => format(key, row[key]),
    right: /(_fen|_e4|_ppm|_milli)$|^(stores|products|lines|documents|entries|n)$/.test(key),
  }));
}
