import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { analyticsKeys } from "./keys";

export const OPTIMIZATION_POLL_MS = 1000;
export const isActive = (status: string | null | undefined) => status === "pending" || status === "running";

/** The user's optimisations, newest first; refreshed while one is still running. */
export function optimizationsQueryOptions() {
  return queryOptions({
    queryKey: analyticsKeys.optimizations(),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/backtests/optimize", { params: { query: { page: 0, size: 50 } }, signal })),
    refetchInterval: (query) => (query.state.data?.items?.some((o) => isActive(o.status)) ? OPTIMIZATION_POLL_MS * 2 : false),
  });
}

export const useOptimizations = () => useQuery(optimizationsQueryOptions());
