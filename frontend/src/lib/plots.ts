import type { SchemaPlotSeriesResponse, SchemaRunPlot } from "@/lib/api/schema";
import { barIndexAt, chartTime } from "@/lib/chart-time";

/**
 * A strategy's `plot(...)` as a run or a preview declares it: a title, a `#rrggbb` colour or null for
 * the next palette colour, a style (line, step or histogram) and a pane (price, or lower for a pane of
 * its own under the candles).
 */
export type PlotSpec = SchemaRunPlot;
/** Plotted series on one time axis (epoch ms), downsampled by the API to a point budget; null values are gaps. */
export type PlotSeriesSet = SchemaPlotSeriesResponse;

/**
 * Colours for plots that name none: apart from each other and from the candles' green and red, and
 * readable on the light and the dark theme.
 */
export const PLOT_PALETTE = ["#2563eb", "#d97706", "#9333ea", "#db2777", "#0891b2", "#a16207", "#4f46e5", "#64748b"] as const;

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * Each plot's colour: its own when it is a valid `#rrggbb`, else the palette's colour for its
 * position, so a plot keeps its colour when another gains or loses one and a colour the strategy
 * chose takes the palette's slot it would have had.
 */
export function plotColors(plots: readonly Pick<PlotSpec, "color">[]): string[] {
  return plots.map((plot, i) => (plot.color && HEX_COLOR.test(plot.color) ? plot.color : PLOT_PALETTE[i % PLOT_PALETTE.length]!));
}

export const isLowerPane = (plot: Pick<PlotSpec, "pane">) => plot.pane === "lower";

/** A point for lightweight-charts: a value, or only a time (whitespace, which the chart draws as a gap). */
export type PlotPoint = { time: number; value: number } | { time: number };

/**
 * The chart points of one plotted series on the candles' time axis: each value moves to the candle that
 * contains its time (the candles may be resampled to a coarser interval, when the last value within a
 * candle wins), a null or non-finite value becomes a gap, and points before the first candle are
 * dropped. Times are the chart's (the wall-clock time in `zone` written as UTC seconds).
 */
export function plotPoints(
  times: readonly number[],
  values: readonly (number | null)[],
  candleTimes: readonly number[],
  zone: string,
): PlotPoint[] {
  const byCandle = new Map<number, number | null>();
  for (let i = 0; i < times.length; i++) {
    const candle = barIndexAt(candleTimes, times[i]!);
    if (candle < 0) continue;
    const value = values[i];
    byCandle.set(candle, typeof value === "number" && Number.isFinite(value) ? value : null);
  }
  return [...byCandle.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([candle, value]) => {
      const time = chartTime(candleTimes[candle]!, zone);
      return value === null ? { time } : { time, value };
    });
}
