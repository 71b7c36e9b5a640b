"use client";

import type { SeriesMarker, UTCTimestamp } from "lightweight-charts";
import { useMemo, useState } from "react";
import { CandleChart } from "@/components/charts/candle-chart";
import { PlotLegend, toggled } from "@/components/charts/plot-legend";
import { ErrorState } from "@/components/layouts/states";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { SchemaBacktestResponse } from "@/lib/api/schema";
import { formatInteger } from "@/lib/format";
import { useLocale, useT } from "@/lib/i18n";
import { intervalLabel } from "@/lib/intervals";
import { isLowerPane } from "@/lib/plots";
import { usePriceHistory } from "@/lib/api/price-history";
import { useRoundTrips } from "../api/get-round-trips";
import { MAX_SERIES_POINTS, runPlots, useRunSeries } from "../api/get-run-series";
import { barIndexAt, chartTime, resampleTarget } from "@/lib/chart-time";
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
 * The run's price candles with a marker at each entry and exit of the first `MARKED_TRADES` round
 * trips, and the strategy's plotted series (from /series, a value per candle at most) with a legend
 * that hides or shows each. Bars come from the market-data history for the run's range; a run with
 * more bars than draw smoothly is shown resampled to a coarser interval. Times read in the symbol's zone.
 */
export function PriceChart({ run }: { run: SchemaBacktestResponse }) {
  const t = useT();
  const marked = useRoundTrips(run.id ?? "", { page: 0, size: MARKED_TRADES });
  const result = run.result;
  const trades = useMemo(() => {
    const rows: TradeRow[] = (marked.data?.items ?? []).map((item) => ({ ...item, open: false }));
    const open = openTradeRow(result, run.symbol ?? "");
    return open ? [...rows, open] : rows;
  }, [marked.data, result, run.symbol]);
  const totalTrades = result?.round_trip_count ?? 0;
  const locale = useLocale();
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
            // The candles in the prices the run read, so its fills sit on them.
            adjustment: run.settings?.prices?.price_adjustment,
          }
        : null,
    [run.symbol, run.dataset, run.interval, run.start_date, run.end_date, resampleTo, run.settings?.prices?.price_adjustment],
  );
  const history = usePriceHistory(params);
  const bars = history.data?.bars;
  const candles = useMemo(
    () =>
      (bars ?? []).map((b) => ({
        time: Date.parse(b.time ?? ""),
        open: b.open ?? 0,
        high: b.high ?? 0,
        low: b.low ?? 0,
        close: b.close ?? 0,
      })),
    [bars],
  );
  const plots = useMemo(() => runPlots(run), [run]);
  const names = useMemo(() => plots.map((p) => p.title), [plots]);
  const series = useRunSeries(run.id ?? "", names, Math.min(MAX_SERIES_POINTS, Math.max(16, candles.length)));
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const markers = useMemo(
    () =>
      candles.length === 0
        ? []
        : tradeMarkers(
            trades,
            candles.map((c) => c.time),
            zone,
            { long: "--gain", short: "--loss", exit: "--primary" },
            {
              buy: t("backtests.price.buy"),
              sell: t("backtests.price.sell"),
              short: t("backtests.price.short"),
              cover: t("backtests.price.cover"),
            },
          ),
    [candles, trades, zone, t],
  );

  const barInterval = history.data?.barInterval;
  const lower = plots.some(isLowerPane);
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
      <CardContent className="grid grid-cols-1 gap-2">
        {plots.length > 0 && <PlotLegend plots={plots} hidden={hidden} onToggle={(title) => setHidden((h) => toggled(h, title))} />}
        {series.isError && <p className="text-sm text-destructive">{t("backtests.price.plotsFailed")}</p>}
        {history.isError ? (
          <ErrorState error={history.error} onRetry={() => void history.refetch()} />
        ) : history.isPending ? (
          <Skeleton className="h-80" />
        ) : candles.length === 0 ? (
          <p className="py-12 text-center text-sm text-muted-foreground">{t("backtests.price.noBars")}</p>
        ) : (
          <CandleChart
            candles={candles}
            zone={zone}
            currency={currency}
            tickSize={tick}
            intraday={!["1d", "1w"].includes(barInterval ?? run.interval ?? "1d")}
            markers={markers}
            plots={series.data}
            hidden={hidden}
            className={lower ? "h-[28rem] sm:h-[32rem]" : "h-80 sm:h-96"}
            ariaLabel={t("backtests.price.label", { symbol: run.symbol ?? "", count: trades.length })}
          />
        )}
      </CardContent>
    </Card>
  );
}
