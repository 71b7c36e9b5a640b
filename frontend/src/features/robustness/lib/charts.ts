import type { EquityPoint, Histogram, MonteCarloBands, ParameterDrift, WalkForwardWindow } from "../api/types";

/** One step of the fan chart: the outer (5-95) and inner (25-75) bands as [low, high] pairs, the median. */
export interface FanPoint {
  step: number;
  outer: [number, number];
  inner: [number, number];
  p50: number;
}

/** The bands as points of the fan chart, steps in order; steps where any percentile is missing are left out. */
export function fanPoints(bands: MonteCarloBands | null | undefined): FanPoint[] {
  if (!bands) return [];
  const points: FanPoint[] = [];
  bands.step.forEach((step, i) => {
    const [p5, p25, p50, p75, p95] = [bands.p5[i], bands.p25[i], bands.p50[i], bands.p75[i], bands.p95[i]];
    if ([p5, p25, p50, p75, p95].some((v) => typeof v !== "number" || !Number.isFinite(v))) return;
    points.push({ step, outer: [p5!, p95!], inner: [p25!, p75!], p50: p50! });
  });
  return points;
}

/** One bar of a histogram: its bin [from, to), the count, and whether the run's own value falls in it. */
export interface Bar {
  index: number;
  from: number;
  to: number;
  mid: number;
  count: number;
  own: boolean;
}

/**
 * The bin a value falls in: [edges[i], edges[i + 1]), the last bin closed at its top edge; a value
 * outside the edges goes to the nearest end bin (the run itself may lie beyond every path), -1 when
 * there are no bins.
 */
export function binOf(histogram: Histogram, value: number | null | undefined): number {
  const bins = histogram.counts.length;
  if (bins === 0 || histogram.edges.length < bins + 1 || value == null || !Number.isFinite(value)) return -1;
  if (value < histogram.edges[0]!) return 0;
  for (let i = 0; i < bins; i++) if (value < histogram.edges[i + 1]!) return i;
  return bins - 1;
}

export function histogramBars(histogram: Histogram | null | undefined, own?: number | null): Bar[] {
  if (!histogram) return [];
  const ownBin = binOf(histogram, own);
  return histogram.counts.map((count, index) => {
    const from = histogram.edges[index] ?? NaN;
    const to = histogram.edges[index + 1] ?? NaN;
    return { index, from, to, mid: (from + to) / 2, count, own: index === ownBin };
  });
}

/** An equity curve as chart points (epoch ms); unreadable times are left out. */
export function equityPoints(equity: readonly EquityPoint[] | null | undefined): { t: number; equity: number }[] {
  return (equity ?? [])
    .map((p) => ({ t: Date.parse(p.time), equity: p.equity }))
    .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.equity));
}

/** Where each test window after the first starts (epoch ms): the boundaries drawn on the stitched curve. */
export function windowBoundaries(windows: readonly WalkForwardWindow[]): { number: number; t: number }[] {
  return windows
    .slice(1)
    .map((w) => ({ number: w.number, t: Date.parse(w.test_start) }))
    .filter((b) => Number.isFinite(b.t));
}

/** Parameter drift as one row per window with a column per parameter (null where a window chose none). */
export function driftRows(drift: readonly ParameterDrift[]): Record<string, number | null>[] {
  const windows = Math.max(0, ...drift.map((d) => d.values.length));
  return Array.from({ length: windows }, (_, i) => {
    const row: Record<string, number | null> = { window: i + 1 };
    for (const d of drift) row[d.name] = d.values[i] ?? null;
    return row;
  });
}
