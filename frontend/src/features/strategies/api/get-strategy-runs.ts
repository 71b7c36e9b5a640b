import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { versionKeys } from "./get-strategy-versions";

/** The most recent runs read to tell which versions they used. */
export const STRATEGY_RUNS_SIZE = 100;

export function getStrategyRuns(id: string, signal?: AbortSignal) {
  return unwrap(
    api.GET("/api/v1/backtests", {
      params: { query: { strategy_id: id, size: STRATEGY_RUNS_SIZE, sort: "created_at,desc" } },
      signal,
    }),
  );
}

/** The caller's latest runs of the strategy, to show which versions they ran. */
export function strategyRunsQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...versionKeys.all(id), "runs"] as const,
    queryFn: ({ signal }) => getStrategyRuns(id, signal),
  });
}

export function useStrategyRuns(id: string) {
  return useQuery(strategyRunsQueryOptions(id));
}
