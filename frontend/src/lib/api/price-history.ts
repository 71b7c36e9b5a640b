import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaHistoryBar, SchemaHistoryPage } from "@/lib/api/schema";
import type { PriceAdjustment } from "@/lib/prices";

export interface PriceHistoryParams {
  symbol: string;
  /** own or shared: the series a run read; omitted, the API's default (your own upload, else shared). */
  dataset?: "own" | "shared";
  interval: string;
  /** ISO date, inclusive. */
  start: string;
  /** ISO date, exclusive. */
  end: string;
  resampleTo?: string;
  /** raw, split_adjusted or total_return; omitted, the API's default (split-adjusted). */
  adjustment?: PriceAdjustment;
}

/** Bars a price chart renders at most; the API pages at 10,000. */
export const MAX_CHART_BARS = 10_000;

export interface PriceHistory {
  bars: SchemaHistoryBar[];
  barInterval: string;
  timeZone: string;
  truncated: boolean;
}

/** The bars of a range, following the API's cursor up to {@link MAX_CHART_BARS}. */
export async function getPriceHistory(params: PriceHistoryParams, signal?: AbortSignal): Promise<PriceHistory> {
  const bars: SchemaHistoryBar[] = [];
  let cursor: string | undefined;
  let barInterval = params.resampleTo ?? params.interval;
  let timeZone = "UTC";
  do {
    const page: SchemaHistoryPage = await unwrap(
      api.GET("/api/v1/data/historical", {
        params: {
          query: {
            symbol: params.symbol,
            dataset: params.dataset,
            interval: params.interval,
            start: params.start,
            end: params.end,
            resample_to: params.resampleTo,
            adjustment: params.adjustment,
            limit: Math.min(10_000, MAX_CHART_BARS - bars.length),
            cursor,
          },
        },
        signal,
      }),
    );
    bars.push(...(page.bars ?? []));
    barInterval = page.bar_interval ?? barInterval;
    timeZone = page.time_zone ?? timeZone;
    cursor = page.next_cursor ?? undefined;
  } while (cursor && bars.length < MAX_CHART_BARS);
  return { bars, barInterval, timeZone, truncated: !!cursor };
}

/** The key of a range's bars; shared by every chart that draws them (the run page, the strategy workbench). */
export const priceHistoryKey = (params: PriceHistoryParams) => ["market-data", "history", { ...params }] as const;

export function priceHistoryQueryOptions(params: PriceHistoryParams) {
  return queryOptions({
    queryKey: priceHistoryKey(params),
    queryFn: ({ signal }) => getPriceHistory(params, signal),
    staleTime: 5 * 60_000,
  });
}

export function usePriceHistory(params: PriceHistoryParams | null) {
  return useQuery({
    ...priceHistoryQueryOptions(params ?? { symbol: "", interval: "", start: "", end: "" }),
    enabled: !!params,
  });
}
