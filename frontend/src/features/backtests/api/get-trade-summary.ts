import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { backtestKeys } from "./get-backtests";

export function getTradeSummary(id: string, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/backtests/{id}/summary", { params: { path: { id } }, signal }));
}

/** A completed run's performance summary (all, long, short); a finished run never changes. */
export function tradeSummaryQueryOptions(id: string) {
  return queryOptions({
    queryKey: backtestKeys.summary(id),
    queryFn: ({ signal }) => getTradeSummary(id, signal),
    staleTime: Infinity,
  });
}

export function useTradeSummary(id: string) {
  return useQuery(tradeSummaryQueryOptions(id));
}
