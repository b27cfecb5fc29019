import { loadavg } from 'node:os';

/** One measured step, printed as one JSON line. Timings are compared with a bare SQLite baseline of the same run. */
export interface Measurement {
  seconds: number;
  rows: number;
  /**
   * CPU seconds this process spent (user + system): on a machine shared with other work the wall clock mostly measures
   * the queue for a core, the CPU time much less so
   */
  cpuSeconds?: number;
}

export function measure(rows: () => number): Measurement {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const n = rows();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, rows: n, cpuSeconds: cpuSecondsSince(cpu) };
}

export function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
}

export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export interface StepReport {
  step: string;
  scale: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMB: number;
  baseline: { what: string; rows: number; seconds: number; rowsPerSecond: number; cpuSeconds?: number };
  cpuSeconds?: number;
  /** CPU seconds of the step ÷ CPU seconds of its baseline, when both were measured */
  cpuRatio?: number;
  /** seconds of the step ÷ seconds of its baseline: lower is better, 1 means as fast as bare SQLite */
  ratio: number;
  /** the machine's 1, 5 and 15-minute load averages when the step ended: the noise beside the figure */
  loadAverage: number[];
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

export function report(step: string, scale: string, m: Measurement, baselineWhat: string, b: Measurement): StepReport {
  return {
    step, scale, rows: m.rows, seconds: round(m.seconds, 4), rowsPerSecond: Math.round(m.rows / Math.max(m.seconds, 1e-9)),
    peakRssMB: peakRssMb(),
    baseline: { what: baselineWhat, rows: b.rows, seconds: round(b.seconds, 4), rowsPerSecond: Math.round(b.rows / Math.max(b.seconds, 1e-9)),
      ...(b.cpuSeconds !== undefined ? { cpuSeconds: round(b.cpuSeconds, 3) } : {}) },
    ratio: round(m.seconds / Math.max(b.seconds, 1e-9), 2),
    ...(m.cpuSeconds !== undefined ? { cpuSeconds: round(m.cpuSeconds, 3) } : {}),
    ...(m.cpuSeconds !== undefined && b.cpuSeconds !== undefined ? { cpuRatio: round(m.cpuSeconds / Math.max(b.cpuSeconds, 1e-9), 2) } : {}),
    loadAverage: loadavg().map((x) => round(x, 2)),
  };
}
