import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { versionKeys } from "./get-strategy-versions";

export function getStrategyVersion(id: string, number: number, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/strategies/{id}/versions/{number}", { params: { path: { id, number } }, signal }));
}

/** One version with its code; versions never change, so it is never refetched. */
export function strategyVersionQueryOptions(id: string, number: number) {
  return queryOptions({
    queryKey: versionKeys.one(id, number),
    queryFn: ({ signal }) => getStrategyVersion(id, number, signal),
    staleTime: Infinity,
  });
}

export function useStrategyVersion(id: string, number: number | null) {
  return useQuery({ ...strategyVersionQueryOptions(id, number ?? 0), enabled: number !== null && number > 0 });
}
