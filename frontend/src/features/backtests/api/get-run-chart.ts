import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { backtestKeys } from "./get-backtests";

export interface ChartRange {
  /** ISO instant or date; undefined: from the first bar. */
  from?: string;
  /** ISO instant or date, inclusive; undefined: to the last bar. */
  to?: string;
}

/** The most points a series is asked for: enough for a sharp line, few enough to draw at once. */
export const CHART_POINTS = 800;

export function getRunChart(id: string, range: ChartRange, points: number, signal?: AbortSignal) {
  return unwrap(
    api.GET("/api/v1/analytics/chart", {
      params: { query: { backtest_id: id, from: range.from, to: range.to, points } },
      signal,
    }),
  );
}

/** Equity, drawdown, buy-and-hold and the monthly grid of a completed run, over a range, within a point budget. */
export function runChartQueryOptions(id: string, range: ChartRange, points = CHART_POINTS) {
  return queryOptions({
    queryKey: backtestKeys.chart(id, range, points),
    queryFn: ({ signal }) => getRunChart(id, range, points, signal),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

export function useRunChart(id: string, range: ChartRange, enabled: boolean, points = CHART_POINTS) {
  return useQuery({ ...runChartQueryOptions(id, range, points), enabled });
}
