"use client";

import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { AXIS_STYLE, BENCHMARK_COLOR, GRID_STYLE } from "@/components/charts/chart-style";
import { formatDate, formatInteger, formatNumber } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import type { Bar as HistogramBar, FanPoint } from "../lib/charts";

/*
 * The robustness screens' charts, drawn with recharts like the result page's equity and drawdown: a
 * fan of Monte Carlo percentiles, histograms with the run's own bin marked, equity with a held-out part
 * or window boundaries, and parameters over walk-forward windows. Each chart names itself with an
 * aria-label and a test id, and animates nothing.
 */

const STATIC = { isAnimationActive: false } as const;
const PALETTE = [
  "var(--primary)",
  BENCHMARK_COLOR,
  "oklch(0.65 0.15 150)",
  "oklch(0.6 0.18 300)",
  "oklch(0.7 0.12 220)",
  "oklch(0.6 0.2 20)",
];

/** The p5-p95 and p25-p75 bands shaded, the median as a line; x is the step (trade or bar). */
export function FanChart({
  points,
  stepLabel,
  format,
  label,
}: {
  points: FanPoint[];
  stepLabel: string;
  format: (value: number) => string;
  label: string;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="h-72 w-full" role="img" aria-label={label} data-testid="mc-fan-chart" data-points={points.length}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 12, bottom: 16, left: 4 }}>
          <CartesianGrid {...GRID_STYLE} />
          <XAxis
            dataKey="step"
            type="number"
            domain={["dataMin", "dataMax"]}
            {...AXIS_STYLE}
            tickFormatter={(v: number) => formatInteger(v, locale)}
            label={{ value: stepLabel, position: "insideBottom", offset: -8, fontSize: 11, fill: "var(--muted-foreground)" }}
          />
          <YAxis {...AXIS_STYLE} width={72} tickFormatter={format} domain={["auto", "auto"]} />
          <Tooltip
            formatter={(value) => (Array.isArray(value) ? value.map((v) => format(Number(v))).join(" – ") : format(Number(value)))}
            labelFormatter={(step) => `${stepLabel} ${formatInteger(Number(step), locale)}`}
          />
          <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
          <Area
            dataKey="outer"
            name={t("robustness.monteCarlo.band90")}
            stroke="none"
            fill="var(--primary)"
            fillOpacity={0.12}
            {...STATIC}
          />
          <Area
            dataKey="inner"
            name={t("robustness.monteCarlo.band50")}
            stroke="none"
            fill="var(--primary)"
            fillOpacity={0.28}
            {...STATIC}
          />
          <Line dataKey="p50" name={t("robustness.monteCarlo.median")} stroke="var(--primary)" dot={false} strokeWidth={2} {...STATIC} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Counts per bin; the bin holding the run's own value is drawn in the accent colour and named below. */
export function HistogramChart({
  bars,
  format,
  label,
  testId,
}: {
  bars: HistogramBar[];
  format: (value: number) => string;
  label: string;
  testId: string;
}) {
  const t = useT();
  const locale = useLocale();
  const own = bars.find((b) => b.own);
  return (
    <figure className="grid gap-1">
      <div className="h-48 w-full" role="img" aria-label={label} data-testid={testId} data-own-bin={own?.index ?? -1}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid {...GRID_STYLE} />
            <XAxis dataKey="mid" {...AXIS_STYLE} tickFormatter={(v: number) => format(v)} interval="preserveStartEnd" minTickGap={16} />
            <YAxis {...AXIS_STYLE} width={40} allowDecimals={false} tickFormatter={(v: number) => formatInteger(v, locale)} />
            <Tooltip
              formatter={(value) => [formatInteger(Number(value), locale), t("robustness.monteCarlo.paths")]}
              labelFormatter={(_, payload) => {
                const bar = payload?.[0]?.payload as HistogramBar | undefined;
                return bar ? `${format(bar.from)} – ${format(bar.to)}` : "";
              }}
            />
            <Bar dataKey="count" {...STATIC}>
              {bars.map((bar) => (
                <Cell key={bar.index} fill={bar.own ? BENCHMARK_COLOR : "var(--primary)"} fillOpacity={bar.own ? 1 : 0.55} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      {own && (
        <figcaption className="text-xs text-muted-foreground">
          <span className="mr-1 inline-block size-2.5 rounded-sm align-middle" style={{ background: BENCHMARK_COLOR }} aria-hidden />
          {t("robustness.monteCarlo.ownBin", { from: format(own.from), to: format(own.to) })}
        </figcaption>
      )}
    </figure>
  );
}

/**
 * An equity curve over time. `heldOutFrom` shades everything from that instant on (the out-of-sample
 * part); `boundaries` draws a dashed line where each walk-forward test window starts.
 */
export function EquityLineChart({
  points,
  format,
  label,
  testId,
  timeZone,
  heldOutFrom,
  boundaries = [],
}: {
  points: { t: number; equity: number }[];
  format: (value: number) => string;
  label: string;
  testId: string;
  timeZone?: string | null;
  heldOutFrom?: number | null;
  boundaries?: { number: number; t: number }[];
}) {
  const t = useT();
  const last = points.length > 0 ? points[points.length - 1]!.t : null;
  return (
    <div className="h-72 w-full" role="img" aria-label={label} data-testid={testId} data-points={points.length}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid {...GRID_STYLE} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            {...AXIS_STYLE}
            tickFormatter={(v: number) => formatDate(v, timeZone).slice(0, 7)}
            minTickGap={24}
          />
          <YAxis {...AXIS_STYLE} width={72} tickFormatter={format} domain={["auto", "auto"]} />
          <Tooltip formatter={(value) => format(Number(value))} labelFormatter={(v) => formatDate(Number(v), timeZone)} />
          {heldOutFrom != null && last != null && heldOutFrom < last && (
            <ReferenceArea
              x1={heldOutFrom}
              x2={last}
              fill="var(--muted-foreground)"
              fillOpacity={0.12}
              label={{
                value: t("robustness.optimization.heldOut"),
                position: "insideTopRight",
                fontSize: 11,
                fill: "var(--muted-foreground)",
              }}
            />
          )}
          {heldOutFrom != null && <ReferenceLine x={heldOutFrom} stroke="var(--muted-foreground)" strokeDasharray="4 4" />}
          {boundaries.map((b) => (
            <ReferenceLine
              key={b.number}
              x={b.t}
              stroke="var(--muted-foreground)"
              strokeDasharray="3 3"
              label={{ value: `#${b.number}`, position: "insideTopLeft", fontSize: 10, fill: "var(--muted-foreground)" }}
            />
          ))}
          <Line
            dataKey="equity"
            name={t("robustness.equity")}
            stroke="var(--primary)"
            dot={false}
            type="linear"
            strokeWidth={1.5}
            {...STATIC}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** One line per parameter over the walk-forward windows, each on its own scale when they differ widely. */
export function DriftChart({ rows, names, label }: { rows: Record<string, number | null>[]; names: string[]; label: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="h-56 w-full" role="img" aria-label={label} data-testid="wf-drift-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid {...GRID_STYLE} />
          <XAxis dataKey="window" {...AXIS_STYLE} tickFormatter={(v: number) => `#${v}`} />
          <YAxis {...AXIS_STYLE} width={48} tickFormatter={(v: number) => formatNumber(v, locale)} domain={["auto", "auto"]} />
          <Tooltip
            formatter={(value, name) => [formatNumber(Number(value), locale, { maximumFractionDigits: 6 }), name]}
            labelFormatter={(v) => t("robustness.walkForward.windowNumber", { number: Number(v) })}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {names.map((name, i) => (
            <Line
              key={name}
              dataKey={name}
              name={name}
              stroke={PALETTE[i % PALETTE.length]}
              type="linear"
              connectNulls={false}
              dot={{ r: 3 }}
              {...STATIC}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
