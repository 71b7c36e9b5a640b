import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { PlotSeriesSet, PlotSpec } from "@/lib/plots";
import { backtestKeys } from "./get-backtests";

/** Most points of each plotted series the price chart asks for: a value per candle up to the candle budget. */
export const MAX_SERIES_POINTS = 3000;

// The series operation joins schema.d.ts when the backend that serves it is merged; until then the
// call goes through the same client (auth, refresh, problem documents) without the path's types.
type UntypedGet = (
  path: string,
  init: { params: { path: { id: string }; query: Record<string, string | number | undefined> }; signal?: AbortSignal },
) => Promise<{ data?: PlotSeriesSet; error?: unknown; response: Response }>;
const get = api.GET as unknown as UntypedGet;

/** A run's plots as the run detail lists them (`plots`), absent on runs stored before plots existed. */
export const runPlots = (run: object): PlotSpec[] => ((run as { plots?: PlotSpec[] | null }).plots ?? []).filter((p) => !!p.title);

export function getRunSeries(id: string, names: readonly string[], points: number, signal?: AbortSignal) {
  return unwrap(get("/api/v1/backtests/{id}/series", { params: { path: { id }, query: { names: names.join(","), points } }, signal }));
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
