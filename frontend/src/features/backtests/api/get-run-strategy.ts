import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { backtestKeys } from "./get-backtests";

export function getRunStrategy(strategyId: string, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/strategies/{id}", { params: { path: { id: strategyId } }, signal }));
}

/** The strategy a run used, as it is now: to tell whether it changed since the run. */
export function runStrategyQueryOptions(strategyId: string) {
  return queryOptions({
    queryKey: [...backtestKeys.all, "strategy", strategyId] as const,
    queryFn: ({ signal }) => getRunStrategy(strategyId, signal),
    retry: false,
  });
}

export function useRunStrategy(strategyId: string | null) {
  return useQuery({ ...runStrategyQueryOptions(strategyId ?? ""), enabled: !!strategyId });
}
