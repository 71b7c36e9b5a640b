"use client";

import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_STYLE, GRID_STYLE } from "@/components/charts/chart-style";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { SchemaRunChartResponse } from "@/lib/api/schema";
import { formatBarTime, formatDate, formatInteger, formatNumber, formatPercent } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";

interface Bin {
  /** The bin's middle, for the axis. */
  mid: number;
  from: number;
  to: number;
  count: number;
}

/** The histogram's bins as bars: each with its bounds and count (the API sends edges and counts apart). */
export function histogramBins(histogram: SchemaRunChartResponse["returns_histogram"] | undefined): Bin[] {
  const edges = histogram?.edges ?? [];
  const counts = histogram?.counts ?? [];
  return counts.map((count, k) => ({ mid: (edges[k]! + edges[k + 1]!) / 2, from: edges[k]!, to: edges[k + 1]!, count }));
}

/** The rolling Sharpe as points, leaving out windows where it is undefined (flat). */
export function sharpePoints(rolling: SchemaRunChartResponse["rolling_sharpe"] | undefined): { t: number; sharpe: number | null }[] {
  const time = rolling?.time ?? [];
  return time.map((t, i) => {
    const v = rolling?.sharpe?.[i];
    return { t, sharpe: typeof v === "number" && Number.isFinite(v) ? v : null };
  });
}

function ChartCard({
  title,
  description,
  testId,
  children,
}: {
  title: string;
  description: string;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <Card className="min-w-0 gap-3" data-testid={testId}>
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
        <CardDescription className="break-keep">{description}</CardDescription>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/**
 * The analytics chart endpoint's return histogram and rolling Sharpe ratio, side by side on wide
 * screens: how the run's returns spread, and whether its risk-adjusted return held up over time.
 */
export function ReturnCharts({
  chart,
  timeZone,
  interval,
}: {
  chart: SchemaRunChartResponse | undefined;
  timeZone: string;
  interval: string | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const bins = useMemo(() => histogramBins(chart?.returns_histogram), [chart]);
  const sharpe = useMemo(() => sharpePoints(chart?.rolling_sharpe), [chart]);
  const period = t(chart?.return_period === "day" ? "results.charts.periodDay" : "results.charts.periodBar");
  const pct = (v: number) => formatPercent(v, locale, { digits: 1 });
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      <ChartCard
        title={t("results.charts.histogramTitle")}
        description={t("results.charts.histogramDescription", {
          count: formatInteger(chart?.returns_histogram?.total ?? 0, locale),
          period,
          bins: formatInteger(bins.length, locale),
        })}
        testId="returns-histogram"
      >
        {!chart ? (
          <Skeleton className="h-56" />
        ) : bins.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("results.charts.noReturns")}</p>
        ) : (
          <div className="h-56" role="img" aria-label={t("results.charts.histogramLabel")}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={bins} margin={{ top: 4, right: 8, bottom: 0, left: 0 }} barCategoryGap={1}>
                <CartesianGrid {...GRID_STYLE} />
                <XAxis dataKey="mid" tickFormatter={pct} {...AXIS_STYLE} minTickGap={24} />
                <YAxis allowDecimals={false} tickFormatter={(v: number) => formatInteger(v, locale)} {...AXIS_STYLE} width={44} />
                <Tooltip
                  cursor={{ fill: "var(--muted)", opacity: 0.4 }}
                  content={({ active, payload }) => {
                    const bin = active ? (payload?.[0]?.payload as Bin | undefined) : undefined;
                    if (!bin) return null;
                    return (
                      <div className="grid gap-1 rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
                        <p className="tabular-nums">
                          {t("results.charts.returnRange")}: {pct(bin.from)} ~ {pct(bin.to)}
                        </p>
                        <p className="tabular-nums">
                          {t("results.charts.count")}: {formatInteger(bin.count, locale)}
                        </p>
                      </div>
                    );
                  }}
                />
                <Bar dataKey="count" isAnimationActive={false}>
                  {bins.map((bin) => (
                    <Cell key={bin.from} fill={bin.mid < 0 ? "var(--loss)" : "var(--gain)"} fillOpacity={0.75} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
      </ChartCard>
      <ChartCard
        title={t("results.charts.rollingSharpeTitle")}
        description={t("results.charts.rollingSharpeDescription", {
          window: formatInteger(chart?.rolling_sharpe?.window ?? 0, locale),
          period,
        })}
        testId="rolling-sharpe"
      >
        {!chart ? (
          <Skeleton className="h-56" />
        ) : sharpe.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("results.charts.noRollingSharpe")}</p>
        ) : (
          <div className="h-56" role="img" aria-label={t("results.charts.rollingSharpeLabel")}>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={sharpe} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid {...GRID_STYLE} />
                <XAxis
                  dataKey="t"
                  type="number"
                  scale="time"
                  domain={["dataMin", "dataMax"]}
                  tickFormatter={(v: number) => formatDate(v, timeZone).slice(0, 7)}
                  {...AXIS_STYLE}
                  minTickGap={56}
                />
                <YAxis tickFormatter={(v: number) => formatNumber(v, locale, { maximumFractionDigits: 1 })} {...AXIS_STYLE} width={44} />
                <ReferenceLine y={0} stroke="var(--muted-foreground)" strokeDasharray="4 3" />
                <Tooltip
                  content={({ active, payload }) => {
                    const point = active ? (payload?.[0]?.payload as { t: number; sharpe: number | null } | undefined) : undefined;
                    if (!point) return null;
                    return (
                      <div className="grid gap-1 rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
                        <p className="font-medium tabular-nums">{formatBarTime(point.t, interval, timeZone)}</p>
                        <p className="tabular-nums">
                          {t("results.charts.rollingSharpe")}:{" "}
                          {point.sharpe === null ? "—" : formatNumber(point.sharpe, locale, { maximumFractionDigits: 2 })}
                        </p>
                      </div>
                    );
                  }}
                />
                <Line
                  type="linear"
                  dataKey="sharpe"
                  dot={false}
                  isAnimationActive={false}
                  stroke="var(--primary)"
                  strokeWidth={1.5}
                  connectNulls={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
        )}
      </ChartCard>
    </div>
  );
}
