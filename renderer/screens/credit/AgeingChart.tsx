import { formatFen } from '../../format/amount';

const COLOURS = ['#2da44e', '#bf8700', '#e16f24', '#cf222e', '#82071e', '#4c2889', '#6e7781'];

/**
 * Ageing as stacked horizontal bars, one per KA account: each bucket a segment, widths in proportion to the largest
 * total. Drawn as SVG from integers (no chart library needed for bars); each bar is a button for the drill-down.
 */
export function AgeingChart({ rows, buckets, onPick, title }: { rows: { key: string; code: string; name: string; buckets: number[]; total: number }[]; buckets: string[]; onPick: (key: string) => void; title: string }) {
  const max = Math.max(1, ...rows.map((r) => r.buckets.reduce((s, b) => s + Math.max(0, b), 0)));
  const width = 640;
  const barH = 22;
  const label = 150;
  return (
    <figure className="chart" data-testid="ageing-chart">
      <svg role="img" aria-label={title} width={label + width + 120} height={rows.length * (barH + 8) + 30}>
        {rows.map((r, i) => {
          let x = label;
          const y = i * (barH + 8);
          return (
            <g key={r.key} className="bar" tabIndex={0} role="button" aria-label={`${r.name} ${formatFen(r.total)}`} data-testid={`ageing-bar-${r.code}`}
              onClick={() => onPick(r.code)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onPick(r.code); } }}>
              <text x={0} y={y + 15} fontSize="12">{r.name}</text>
              {r.buckets.map((b, j) => {
                const w = (Math.max(0, b) / max) * width;
                const rect = <rect key={j} x={x} y={y} width={w} height={barH} fill={COLOURS[j % COLOURS.length]}><title>{`${buckets[j]}: ${formatFen(b)}`}</title></rect>;
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + 15} fontSize="12">{formatFen(r.total)}</text>
            </g>
          );
        })}
        {buckets.map((b, j) => (
          <g key={b} transform={`translate(${label + j * 110}, ${rows.length * (barH + 8) + 8})`}>
            <rect width={12} height={12} fill={COLOURS[j % COLOURS.length]} />
            <text x={16} y={11} fontSize="12">{b}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
