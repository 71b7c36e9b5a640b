import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { isActive, OPTIMIZATION_POLL_MS } from "./get-optimizations";
import { analyticsKeys } from "./keys";

export const RESULT_LIMIT = 50;

/** One optimisation: progress, the best results ranked, and the heatmap over two parameters (x, y). */
export function optimizationQueryOptions(id: string, axes: { x?: string; y?: string }) {
  return queryOptions({
    queryKey: analyticsKeys.optimization(id, axes),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/backtests/optimize/{id}", {
          params: { path: { id }, query: { limit: RESULT_LIMIT, x: axes.x, y: axes.y } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (!query.state.data || isActive(query.state.data.status) ? OPTIMIZATION_POLL_MS : false),
  });
}

export function useOptimization(id: string | null, axes: { x?: string; y?: string }) {
  return useQuery({ ...optimizationQueryOptions(id ?? "", axes), enabled: !!id });
}
