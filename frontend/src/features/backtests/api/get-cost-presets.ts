import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { backtestKeys } from "./get-backtests";

/** What each cost preset charges, from the engine's own presets (the US preset's dated SEC and FINRA fees included). */
export function getCostPresets(signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/backtests/cost-presets", { signal }));
}

export function costPresetsQueryOptions() {
  return queryOptions({
    queryKey: [...backtestKeys.all, "cost-presets"] as const,
    queryFn: ({ signal }) => getCostPresets(signal),
    staleTime: 60 * 60_000,
  });
}

export function useCostPresets() {
  return useQuery(costPresetsQueryOptions());
}
