import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { isMonteCarloActive } from "./get-monte-carlo";
import { robustnessKeys } from "./keys";

/** A run's analyses, newest first; refreshed while one is still computing. */
export function monteCarlosQueryOptions(runId: string) {
  return queryOptions({
    queryKey: robustnessKeys.monteCarlos(runId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/backtests/{id}/monte-carlo", { params: { path: { id: runId } }, signal })),
    refetchInterval: (query) => (query.state.data?.some((m) => isMonteCarloActive(m.status)) ? 1000 : false),
  });
}

export const useMonteCarlos = (runId: string) => useQuery(monteCarlosQueryOptions(runId));
