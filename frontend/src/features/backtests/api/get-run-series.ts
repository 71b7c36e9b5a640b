import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaBacktestResponse } from "@/lib/api/schema";
import type { PlotSpec } from "@/lib/plots";
import { backtestKeys } from "./get-backtests";

/** Most points of each plotted series the price chart asks for: a value per candle up to the candle budget. */
export const MAX_SERIES_POINTS = 3000;

/** The plots a run declares (none on runs stored before plots existed). */
export const runPlots = (run: SchemaBacktestResponse): PlotSpec[] => run.plots ?? [];

export function getRunSeries(id: string, names: readonly string[], points: number, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/backtests/{id}/series", { params: { path: { id }, query: { names: names.join(","), points } }, signal }));
}

/** The named plotted series of a completed run, downsampled to `points`. */
export function runSeriesQueryOptions(id: string, names: readonly string[], points: number) {
  return queryOptions({
    queryKey: backtestKeys.series(id, names, points),
    queryFn: ({ signal }) => getRunSeries(id, names, points, signal),
    staleTime: Infinity,
  });
}

export function useRunSeries(id: string, names: readonly string[], points: number) {
  return useQuery({ ...runSeriesQueryOptions(id, names, points), enabled: names.length > 0 });
}
