"use client";

import type {
  IChartApi,
  ISeriesApi,
  ISeriesMarkersPluginApi,
  SeriesMarker,
  SeriesType,
  TickMarkType,
  Time,
  UTCTimestamp,
} from "lightweight-charts";
import { useEffect, useMemo, useRef, useState } from "react";
import { cssColor } from "@/components/charts/css-color";
import { useResolvedColourConvention } from "@/hooks/use-colour-convention";
import { useResolvedTheme } from "@/hooks/use-resolved-theme";
import { chartTime } from "@/lib/chart-time";
import { chartDate, chartTickMark, formatNumber, formatPrice, tickDigits, type ChartTickKind } from "@/lib/format";
import { useLocale } from "@/lib/i18n";
import { isLowerPane, plotColors, plotPoints, type PlotSeriesSet } from "@/lib/plots";
import { cn } from "@/lib/utils";

/** One candle, its time the bar's open (epoch ms). */
export interface Candle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

type Library = typeof import("lightweight-charts");

interface Drawn {
  lib: Library;
  chart: IChartApi;
  markers: ISeriesMarkersPluginApi<Time>;
}

/** lightweight-charts' TickMarkType (Year = 0 ... TimeWithSeconds = 4) by name, for the axis labels. */
const TICK_KINDS: readonly ChartTickKind[] = ["year", "month", "day", "time", "seconds"];

/** The lower pane's share of the height next to the price pane's 1. */
const LOWER_PANE_STRETCH = 0.5;

/**
 * Price candles (TradingView's lightweight-charts, on canvas) with markers and the strategy's plotted
 * series: `pane="price"` ones over the candles, `pane="lower"` ones in a pane under them. The chart is
 * built once per set of candles; new markers or plots replace the old ones in place, so a workbench
 * that re-runs keeps the zoom the user chose. Times read in the symbol's zone.
 */
export function CandleChart({
  candles,
  zone,
  currency,
  tickSize,
  intraday,
  markers,
  plots,
  hidden,
  className,
  ariaLabel,
}: {
  candles: readonly Candle[];
  zone: string;
  currency: string | undefined;
  tickSize: number | undefined;
  intraday: boolean;
  /** In chart time (chartTime), sorted; a colour may name a theme variable ("--gain"), drawn in the current theme. */
  markers?: readonly SeriesMarker<UTCTimestamp>[];
  plots?: PlotSeriesSet;
  /** Titles of plots the legend has switched off. */
  hidden?: ReadonlySet<string>;
  className?: string;
  ariaLabel: string;
}) {
  const locale = useLocale();
  const theme = useResolvedTheme();
  // The candles copy the up/down colours once, so the chart is drawn again when the convention changes.
  const convention = useResolvedColourConvention();
  const container = useRef<HTMLDivElement>(null);
  const drawn = useRef<Drawn | null>(null);
  // Counts the charts built, so the effects that draw onto one run again when a new one is ready.
  const [built, setBuilt] = useState(0);
  const candleTimes = useMemo(() => candles.map((c) => c.time), [candles]);

  useEffect(() => {
    const element = container.current;
    if (!element || candles.length === 0) return;
    let cancelled = false;
    let chart: IChartApi | null = null;
    void import("lightweight-charts").then((lib) => {
      if (cancelled) return;
      const gain = cssColor("--gain");
      const loss = cssColor("--loss");
      // What the candles were drawn in (a canvas hides it), for the browser tests of the colour convention.
      element.dataset.upColour = gain;
      element.dataset.downColour = loss;
      const border = cssColor("--border");
      const digits = tickDigits(tickSize) ?? 2;
      chart = lib.createChart(element, {
        autoSize: true,
        layout: {
          background: { type: lib.ColorType.Solid, color: "transparent" },
          textColor: cssColor("--muted-foreground"),
          fontFamily: getComputedStyle(element).fontFamily,
          fontSize: 11,
          attributionLogo: true,
          panes: { separatorColor: border, enableResize: true },
        },
        grid: { vertLines: { color: cssColor("--border", 0.5) }, horzLines: { color: cssColor("--border", 0.5) } },
        rightPriceScale: { borderColor: border },
        timeScale: {
          borderColor: border,
          timeVisible: intraday,
          secondsVisible: false,
          tickMarkFormatter: (time: Time, kind: TickMarkType) => chartTickMark(Number(time), TICK_KINDS[kind] ?? "day", locale),
        },
        crosshair: { mode: lib.CrosshairMode.Normal },
        // Dates in the reader's own way ("2009. 4. 8." / "Apr 8, 2009"), not the library's "08 4월 '09".
        localization: { locale, timeFormatter: (time: Time) => chartDate(Number(time), locale, intraday) },
      });
      const series = chart.addSeries(lib.CandlestickSeries, {
        upColor: gain,
        downColor: loss,
        borderUpColor: gain,
        borderDownColor: loss,
        wickUpColor: gain,
        wickDownColor: loss,
        priceFormat: {
          type: "custom",
          minMove: tickSize && tickSize > 0 ? tickSize : 10 ** -digits,
          formatter: (price: number) => formatPrice(price, currency, locale, tickSize),
        },
      });
      series.setData(
        candles.map((c) => ({
          time: chartTime(c.time, zone) as UTCTimestamp,
          open: c.open,
          high: c.high,
          low: c.low,
          close: c.close,
        })),
      );
      drawn.current = { lib, chart, markers: lib.createSeriesMarkers(series, []) };
      chart.timeScale().fitContent();
      setBuilt((n) => n + 1);
    });
    return () => {
      cancelled = true;
      drawn.current = null;
      chart?.remove();
    };
  }, [candles, zone, locale, theme, convention, currency, tickSize, intraday]);

  useEffect(() => {
    drawn.current?.markers.setMarkers((markers ?? []).map((m) => (m.color?.startsWith("--") ? { ...m, color: cssColor(m.color) } : m)));
  }, [built, markers]);

  useEffect(() => {
    const current = drawn.current;
    if (!current || !plots) return;
    const { lib, chart } = current;
    const colors = plotColors(plots.series);
    const created: ISeriesApi<SeriesType>[] = [];
    plots.series.forEach((plot, i) => {
      if (hidden?.has(plot.title)) return;
      const lower = isLowerPane(plot);
      const pane = lower ? 1 : 0;
      const color = colors[i]!;
      const common = {
        color,
        priceLineVisible: false,
        lastValueVisible: lower,
        title: lower ? plot.title : "",
        priceFormat: lower
          ? { type: "custom" as const, minMove: 0.0001, formatter: (v: number) => formatNumber(v, locale, { maximumFractionDigits: 4 }) }
          : { type: "custom" as const, minMove: 0.0001, formatter: (v: number) => formatPrice(v, currency, locale, tickSize) },
      };
      const series =
        plot.style === "histogram"
          ? chart.addSeries(
              lib.HistogramSeries,
              // Over the candles, bars get a scale of their own along the bottom instead of squashing the prices.
              lower ? common : { ...common, priceScaleId: `plot-${i}` },
              pane,
            )
          : chart.addSeries(
              lib.LineSeries,
              {
                ...common,
                lineWidth: 2,
                lineType: plot.style === "step" ? lib.LineType.WithSteps : lib.LineType.Simple,
                crosshairMarkerRadius: 3,
              },
              pane,
            );
      if (plot.style === "histogram" && !lower) series.priceScale().applyOptions({ scaleMargins: { top: 0.75, bottom: 0 } });
      series.setData(plotPoints(plots.time, plot.values, candleTimes, zone) as Parameters<typeof series.setData>[0]);
      created.push(series);
    });
    const panes = chart.panes();
    if (panes.length > 1) panes[1]!.setStretchFactor(LOWER_PANE_STRETCH);
    return () => {
      // A chart rebuilt meanwhile took its series with it.
      if (drawn.current !== current) return;
      for (const series of created) chart.removeSeries(series);
      for (let i = chart.panes().length - 1; i > 0; i--) chart.removePane(i);
    };
  }, [built, plots, hidden, candleTimes, zone, locale, currency, tickSize]);

  return (
    <div
      ref={container}
      className={cn("w-full min-w-0 overflow-hidden", className)}
      role="img"
      aria-label={ariaLabel}
      data-testid="candle-chart"
    />
  );
}
