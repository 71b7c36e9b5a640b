"use client";

import { ZoomOutIcon } from "lucide-react";
import { useMemo, useState } from "react";
import {
  Area,
  AreaChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type YAxisProps,
} from "recharts";
import { AXIS_STYLE, BENCHMARK_COLOR, GRID_STYLE } from "@/components/charts/chart-style";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Switch } from "@/components/ui/switch";
import { Spinner } from "@/components/ui/spinner";
import type { SchemaEquityChart } from "@/lib/api/schema";
import { formatBarTime, formatDate, formatInteger, formatMoney, formatPercent } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { extent, niceTicks } from "@/lib/axis";
import { cn } from "@/lib/utils";
import type { ChartRange } from "../api/get-run-chart";

interface Point {
  t: number;
  equity: number | null;
  buyAndHold: number | null;
  /** The benchmark symbol rebased to the initial capital; null before its first bar or without one. */
  benchmark: number | null;
  drawdown: number | null;
}

/** What every series of these charts shares: straight segments between points, no dots, no animation. */
const SERIES_STYLE = { type: "linear", dot: false, isAnimationActive: false } as const;

export function toPoints(equity: SchemaEquityChart | undefined): Point[] {
  const time = equity?.time ?? [];
  return time.map((t, i) => ({
    t,
    equity: equity?.equity?.[i] ?? null,
    buyAndHold: equity?.buy_and_hold?.[i] ?? null,
    benchmark: equity?.benchmark_equity?.[i] ?? null,
    drawdown: equity?.drawdown?.[i] ?? null,
  }));
}

/** Axis ticks: months over long spans, days over weeks, times within days; in the symbol's zone. */
function tickFormatter(points: Point[], zone: string) {
  const span = points.length > 1 ? points[points.length - 1]!.t - points[0]!.t : 0;
  const day = 86_400_000;
  return (t: number) => {
    const date = formatDate(t, zone);
    if (span > 730 * day) return date.slice(0, 7);
    if (span > 3 * day) return date;
    return formatBarTime(t, "1m", zone).slice(5);
  };
}

function ChartTooltip({
  active,
  payload,
  currency,
  locale,
  zone,
  interval,
  labels,
}: {
  active?: boolean;
  payload?: { payload: Point }[];
  currency: string | undefined;
  locale: string;
  zone: string;
  interval: string | undefined;
  labels: { equity: string; buyAndHold: string; benchmark: string | null; drawdown: string };
}) {
  const point = active ? payload?.[0]?.payload : undefined;
  if (!point) return null;
  const row = (label: string, value: string, className: string) => (
    <p className="flex justify-between gap-4">
      <span className="text-muted-foreground">{label}</span>
      <span className={cn("tabular-nums", className)}>{value}</span>
    </p>
  );
  return (
    <div className="grid gap-1 rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <p className="font-medium tabular-nums">{formatBarTime(point.t, interval, zone)}</p>
      {row(labels.equity, formatMoney(point.equity, currency, locale), "font-medium")}
      {row(labels.buyAndHold, formatMoney(point.buyAndHold, currency, locale), "")}
      {labels.benchmark && row(labels.benchmark, formatMoney(point.benchmark, currency, locale), "")}
      {row(labels.drawdown, formatPercent(point.drawdown, locale), "text-loss")}
    </div>
  );
}

/** A small date box above the chart: one end of the range shown. */
function RangeDate({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <div className="grid gap-1">
      <Label htmlFor={id} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <Input
        id={id}
        type="date"
        className="h-8 w-36 text-xs dark:[color-scheme:dark]"
        value={value}
        onChange={(event) => event.target.value && onChange(event.target.value)}
      />
    </div>
  );
}

/**
 * The equity curve against buy-and-hold (and the run's benchmark symbol, rebased to its capital, when
 * it has one), and the drawdown under it, from the analytics chart endpoint
 * with a point budget. Dragging across the chart (or typing dates) zooms: the range is asked of the
 * API again, so a zoomed view of a long run shows its full detail.
 */
export function EquityCharts({
  equity,
  currency,
  timeZone,
  interval,
  benchmark,
  range,
  onRangeChange,
  fetching,
}: {
  equity: SchemaEquityChart | undefined;
  /** The run's benchmark symbol, if it has one. */
  benchmark?: string | null;
  currency: string | undefined;
  timeZone: string;
  interval: string | undefined;
  range: ChartRange;
  onRangeChange: (range: ChartRange) => void;
  fetching: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const points = useMemo(() => toPoints(equity), [equity]);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const [log, setLog] = useState(false);
  // A log axis has no place for zero or below (an account wiped out): the toggle is off then.
  const logPossible = useMemo(() => points.every((p) => [p.equity, p.buyAndHold, p.benchmark].every((v) => v === null || v > 0)), [points]);
  const logScale = log && logPossible;
  const formatTick = useMemo(() => tickFormatter(points, timeZone), [points, timeZone]);
  const zoomed = !!(range.from || range.to);
  const labels = {
    equity: t("backtests.chart.equity"),
    buyAndHold: t("backtests.chart.buyAndHold"),
    benchmark: benchmark ? t("backtests.chart.benchmark", { symbol: benchmark }) : null,
    drawdown: t("backtests.chart.drawdown"),
  };
  const indexTime = (state: { activeTooltipIndex?: number | string | null } | null | undefined) => {
    const index = Number(state?.activeTooltipIndex);
    return Number.isInteger(index) ? points[index]?.t : undefined;
  };
  const finishDrag = () => {
    if (drag && drag.start !== drag.end) {
      const [a, b] = drag.start < drag.end ? [drag.start, drag.end] : [drag.end, drag.start];
      onRangeChange({ from: new Date(a).toISOString(), to: new Date(b).toISOString() });
    }
    setDrag(null);
  };
  // Both charts share the time axis (synced by syncId) and the tooltip; their value axes are as wide, so the plots line up.
  const timeAxis = (
    <XAxis
      dataKey="t"
      type="number"
      scale="time"
      domain={["dataMin", "dataMax"]}
      tickFormatter={formatTick}
      {...AXIS_STYLE}
      minTickGap={56}
    />
  );
  // Value axes tick at round steps (lib/axis.ts): recharts would split the data's own range evenly. A log
  // axis keeps recharts' own ticks, which it spaces by powers.
  const valueAxis = (format: (value: number) => string, ticks: number[], scale: YAxisProps["scale"] = "auto") => (
    <YAxis
      tickFormatter={format}
      {...AXIS_STYLE}
      width={64}
      scale={scale}
      ticks={scale === "log" ? undefined : ticks}
      domain={scale !== "log" && ticks.length > 0 ? [ticks[0]!, ticks[ticks.length - 1]!] : (["auto", "auto"] as YAxisProps["domain"])}
      interval={scale === "log" ? "preserveStartEnd" : 0}
    />
  );
  const moneyTicks = useMemo(() => {
    const range = extent(
      points.map((p) => p.equity),
      points.map((p) => p.buyAndHold),
      points.map((p) => p.benchmark),
    );
    return range ? niceTicks(range[0], range[1], 4) : [];
  }, [points]);
  const drawdownTicks = useMemo(() => {
    const range = extent(points.map((p) => p.drawdown));
    return range ? niceTicks(Math.min(range[0], -0.01), 0, 3) : [];
  }, [points]);
  const tooltip = (
    <Tooltip content={<ChartTooltip currency={currency} locale={locale} zone={timeZone} interval={interval} labels={labels} />} />
  );
  const dateValue = (value: string | undefined, fallback: number | undefined) =>
    value ? (value.length === 10 ? value : formatDate(value, timeZone)) : fallback !== undefined ? formatDate(fallback, timeZone) : "";

  return (
    <Card className="gap-3" data-testid="equity-chart">
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-base">
          {t("backtests.chart.title")}
          {fetching && <Spinner className="size-3.5 text-muted-foreground" label={t("common.loading")} />}
        </CardTitle>
        <CardDescription>
          {equity?.total_points
            ? t("backtests.chart.points", {
                shown: formatInteger(points.length, locale),
                total: formatInteger(equity.total_points, locale),
              })
            : t("backtests.chart.dragToZoom")}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-1">
        <div className="flex flex-wrap items-end gap-2 pb-2">
          <RangeDate
            id="chart-from"
            label={t("backtests.chart.from")}
            value={dateValue(range.from, points[0]?.t)}
            onChange={(from) => onRangeChange({ ...range, from })}
          />
          <RangeDate
            id="chart-to"
            label={t("backtests.chart.to")}
            value={dateValue(range.to, points[points.length - 1]?.t)}
            onChange={(to) => onRangeChange({ ...range, to })}
          />
          <Button variant="outline" size="sm" onClick={() => onRangeChange({})} disabled={!zoomed}>
            <ZoomOutIcon />
            {t("backtests.chart.resetZoom")}
          </Button>
          <div className="ml-auto flex h-8 items-center gap-2">
            <Switch id="equity-log-scale" checked={logScale} onCheckedChange={setLog} disabled={!logPossible} data-testid="log-scale" />
            <Label htmlFor="equity-log-scale" className="text-xs">
              {t("results.charts.logScale")}
            </Label>
          </div>
        </div>
        {points.length === 0 ? (
          <Skeleton className="h-80" />
        ) : (
          <>
            <div
              className="h-72 select-none sm:h-80"
              role="img"
              aria-label={t("backtests.chart.equityLabel")}
              data-testid="equity-plot"
              data-scale={logScale ? "log" : "linear"}
            >
              <ResponsiveContainer width="100%" height="100%">
                <ComposedChart
                  data={points}
                  syncId="equity"
                  margin={{ top: 8, right: 12, bottom: 0, left: 4 }}
                  onMouseDown={(state) => {
                    const time = indexTime(state);
                    if (time !== undefined) setDrag({ start: time, end: time });
                  }}
                  onMouseMove={(state) => {
                    const time = indexTime(state);
                    if (drag && time !== undefined) setDrag({ ...drag, end: time });
                  }}
                  onMouseUp={finishDrag}
                  onMouseLeave={() => setDrag(null)}
                >
                  <CartesianGrid {...GRID_STYLE} />
                  {timeAxis}
                  {valueAxis((v) => formatMoney(v, currency, locale, { compact: true }), moneyTicks, logScale ? "log" : "auto")}
                  {tooltip}
                  <Legend verticalAlign="top" height={28} iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
                  <Line
                    {...SERIES_STYLE}
                    dataKey="buyAndHold"
                    name={labels.buyAndHold}
                    stroke="var(--muted-foreground)"
                    strokeDasharray="4 3"
                    strokeWidth={1.25}
                  />
                  {labels.benchmark && (
                    <Line
                      {...SERIES_STYLE}
                      dataKey="benchmark"
                      name={labels.benchmark}
                      stroke={BENCHMARK_COLOR}
                      strokeWidth={1.5}
                      connectNulls={false}
                    />
                  )}
                  <Line {...SERIES_STYLE} dataKey="equity" name={labels.equity} stroke="var(--primary)" strokeWidth={2} />
                  {drag && drag.start !== drag.end && (
                    <ReferenceArea x1={drag.start} x2={drag.end} fill="var(--primary)" fillOpacity={0.12} strokeOpacity={0} />
                  )}
                </ComposedChart>
              </ResponsiveContainer>
            </div>
            <div className="h-36 select-none" role="img" aria-label={t("backtests.chart.drawdownLabel")} data-testid="drawdown-chart">
              <ResponsiveContainer width="100%" height="100%">
                <AreaChart data={points} syncId="equity" margin={{ top: 4, right: 12, bottom: 0, left: 4 }}>
                  <CartesianGrid {...GRID_STYLE} />
                  {timeAxis}
                  {valueAxis(
                    (v) =>
                      formatPercent(v, locale, {
                        digits: drawdownTicks.some((tick) => Math.abs(tick * 100 - Math.round(tick * 100)) > 1e-9) ? 1 : 0,
                      }),
                    drawdownTicks,
                  )}
                  {tooltip}
                  <Area
                    {...SERIES_STYLE}
                    dataKey="drawdown"
                    name={labels.drawdown}
                    stroke="var(--loss)"
                    fill="var(--loss)"
                    fillOpacity={0.25}
                    strokeWidth={1.25}
                  />
                </AreaChart>
              </ResponsiveContainer>
            </div>
            <p className="text-xs text-muted-foreground">{t("backtests.chart.dragToZoom")}</p>
          </>
        )}
      </CardContent>
    </Card>
  );
}
