"use client";

import type { IChartApi, SeriesMarker, UTCTimestamp } from "lightweight-charts";
import { useEffect, useMemo, useRef } from "react";
import { cssColor } from "@/components/charts/css-color";
import { ErrorState } from "@/components/layouts/states";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { useResolvedTheme } from "@/hooks/use-resolved-theme";
import type { SchemaBacktestResponse } from "@/lib/api/schema";
import { formatInteger, formatPrice, tickDigits } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { intervalLabel } from "@/lib/intervals";
import { usePriceHistory } from "../api/get-price-history";
import { useRoundTrips } from "../api/get-round-trips";
import { barIndexAt, chartTime, resampleTarget } from "../lib/chart-time";
import { openTradeRow, type TradeRow } from "../lib/trades";

/** The day after an ISO date: the API's `end` is exclusive, the run's end date inclusive. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Above this many trades the markers are drawn small and without words, so the candles stay readable. */
export const LABELLED_TRADES = 40;

/**
 * Round trips marked on the chart: the first this many (one page of the API) and the open position. A
 * run with more says so; its table pages through all of them. Keeps the page light for any run.
 */
export const MARKED_TRADES = 500;

/**
 * Entry and exit markers for the trades, each placed on the bar that contains it (bars may be
 * resampled), sorted by time as the chart requires.
 */
export function tradeMarkers(
  trades: readonly TradeRow[],
  barTimes: readonly number[],
  zone: string,
  colors: { long: string; short: string; exit: string },
  labels: { buy: string; sell: string; short: string; cover: string },
): SeriesMarker<UTCTimestamp>[] {
  const markers: (SeriesMarker<UTCTimestamp> & { order: number })[] = [];
  const labelled = trades.length <= LABELLED_TRADES;
  const size = labelled ? 1 : 0.5;
  const at = (iso: string | undefined) => {
    if (!iso) return null;
    const index = barIndexAt(barTimes, Date.parse(iso));
    return index < 0 ? null : (chartTime(barTimes[index]!, zone) as UTCTimestamp);
  };
  for (const trade of trades) {
    const long = trade.side !== "short";
    const entry = at(trade.entry_time);
    if (entry !== null) {
      markers.push({
        time: entry,
        order: 0,
        position: long ? "belowBar" : "aboveBar",
        shape: long ? "arrowUp" : "arrowDown",
        color: long ? colors.long : colors.short,
        text: labelled ? (long ? labels.buy : labels.short) : undefined,
        size,
        id: `entry-${trade.number}`,
      });
    }
    const exit = trade.open ? null : at(trade.exit_time);
    if (exit !== null) {
      markers.push({
        time: exit,
        order: 1,
        position: long ? "aboveBar" : "belowBar",
        shape: long ? "arrowDown" : "arrowUp",
        color: colors.exit,
        text: labelled ? (long ? labels.sell : labels.cover) : undefined,
        size,
        id: `exit-${trade.number}`,
      });
    }
  }
  return markers.sort((a, b) => a.time - b.time || a.order - b.order).map(({ order: _order, ...m }) => m);
}

/**
 * The run's price candles (TradingView's lightweight-charts, drawn on canvas) with a marker at each
 * entry and exit of the first `MARKED_TRADES` round trips. Bars come from the market-data history for
 * the run's range; a run with more bars than draw smoothly is shown resampled to a coarser interval.
 * Times read in the symbol's zone.
 */
export function PriceChart({ run }: { run: SchemaBacktestResponse }) {
  const t = useT();
  const marked = useRoundTrips(run.id ?? "", { page: 0, size: MARKED_TRADES });
  const result = run.result;
  const trades = useMemo(() => {
    const rows: TradeRow[] = (marked.data?.items ?? []).map((item) => ({ ...item, open: false }));
    const open = openTradeRow(result);
    return open ? [...rows, open] : rows;
  }, [marked.data, result]);
  const totalTrades = result?.round_trip_count ?? 0;
  const locale = useLocale();
  const theme = useResolvedTheme();
  const container = useRef<HTMLDivElement>(null);
  const zone = run.settings?.time_zone ?? "UTC";
  const currency = run.settings?.currency;
  const tick = run.settings?.costs?.tick_size;
  const resampleTo = resampleTarget(run.interval ?? "1d", run.result?.bar_count ?? 0);
  const params = useMemo(
    () =>
      run.symbol && run.interval && run.start_date && run.end_date
        ? {
            symbol: run.symbol,
            dataset: run.dataset,
            interval: run.interval,
            start: run.start_date,
            end: nextDay(run.end_date),
            resampleTo,
          }
        : null,
    [run.symbol, run.dataset, run.interval, run.start_date, run.end_date, resampleTo],
  );
  const history = usePriceHistory(params);
  const bars = history.data?.bars;

  useEffect(() => {
    const element = container.current;
    if (!element || !bars || bars.length === 0) return;
    let chart: IChartApi | null = null;
    let cancelled = false;
    void import("lightweight-charts").then(({ createChart, CandlestickSeries, createSeriesMarkers, ColorType, CrosshairMode }) => {
      if (cancelled) return;
      const text = cssColor("--muted-foreground");
      const border = cssColor("--border");
      const gain = cssColor("--gain");
      const loss = cssColor("--loss");
      const intraday = !["1d", "1w"].includes(history.data?.barInterval ?? run.interval ?? "1d");
      const digits = tickDigits(tick) ?? 2;
      chart = createChart(element, {
        autoSize: true,
        layout: {
          background: { type: ColorType.Solid, color: "transparent" },
          textColor: text,
          fontFamily: getComputedStyle(element).fontFamily,
          fontSize: 11,
          attributionLogo: true,
        },
        grid: { vertLines: { color: cssColor("--border", 0.5) }, horzLines: { color: cssColor("--border", 0.5) } },
        rightPriceScale: { borderColor: border },
        timeScale: { borderColor: border, timeVisible: intraday, secondsVisible: false },
        crosshair: { mode: CrosshairMode.Normal },
        localization: { locale, priceFormatter: (price: number) => formatPrice(price, currency, locale, tick) },
      });
      const series = chart.addSeries(CandlestickSeries, {
        upColor: gain,
        downColor: loss,
        borderUpColor: gain,
        borderDownColor: loss,
        wickUpColor: gain,
        wickDownColor: loss,
        priceFormat: { type: "price", precision: digits, minMove: tick && tick > 0 ? tick : 10 ** -digits },
      });
      const barTimes = bars.map((b) => Date.parse(b.time ?? ""));
      series.setData(
        bars.map((b, i) => ({
          time: chartTime(barTimes[i]!, zone) as UTCTimestamp,
          open: b.open ?? 0,
          high: b.high ?? 0,
          low: b.low ?? 0,
          close: b.close ?? 0,
        })),
      );
      createSeriesMarkers(
        series,
        tradeMarkers(
          trades,
          barTimes,
          zone,
          { long: gain, short: loss, exit: cssColor("--primary") },
          {
            buy: t("backtests.price.buy"),
            sell: t("backtests.price.sell"),
            short: t("backtests.price.short"),
            cover: t("backtests.price.cover"),
          },
        ),
      );
      chart.timeScale().fitContent();
    });
    return () => {
      cancelled = true;
      chart?.remove();
    };
  }, [bars, trades, zone, locale, theme, currency, tick, t, history.data?.barInterval, run.interval]);

  const barInterval = history.data?.barInterval;
  return (
    <Card className="gap-3" data-testid="price-chart">
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2 text-base">
          {t("backtests.price.title", { symbol: run.symbol ?? "" })}
          {barInterval && (
            <Badge variant="secondary" className="font-mono">
              {barInterval}
            </Badge>
          )}
          {resampleTo && <Badge variant="outline">{t("backtests.price.resampled")}</Badge>}
        </CardTitle>
        <CardDescription>
          {resampleTo && barInterval
            ? t("backtests.price.resampledHint", {
                interval: intervalLabel(barInterval, t),
                bars: formatInteger(run.result?.bar_count, locale),
              })
            : t("backtests.price.description", { zone })}
          {totalTrades > MARKED_TRADES && (
            <span className="block" data-testid="price-markers-note">
              {t("backtests.price.firstMarkers", {
                shown: formatInteger(MARKED_TRADES, locale),
                count: formatInteger(totalTrades, locale),
              })}
            </span>
          )}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {history.isError ? (
          <ErrorState error={history.error} onRetry={() => void history.refetch()} />
        ) : history.isPending ? (
          <Skeleton className="h-80" />
        ) : (bars?.length ?? 0) === 0 ? (
          <p className="py-12 text-center text-sm text-muted-foreground">{t("backtests.price.noBars")}</p>
        ) : (
          <div
            ref={container}
            className="h-80 w-full sm:h-96"
            role="img"
            aria-label={t("backtests.price.label", { symbol: run.symbol ?? "", count: trades.length })}
          />
        )}
      </CardContent>
    </Card>
  );
}
