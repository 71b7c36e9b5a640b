import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { analyticsKeys } from "./keys";

export const COMPARE_POINTS = 600;
export const MIN_COMPARE = 2;
export const MAX_COMPARE = 10;

/** Metrics side by side, equity rebased to 100 on a common axis of days, and the correlation of daily returns. */
export function getComparison(ids: readonly string[], points: number, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/analytics/compare", { params: { query: { ids: [...ids], points } }, signal }));
}

export function comparisonQueryOptions(ids: readonly string[], points = COMPARE_POINTS) {
  return queryOptions({
    queryKey: analyticsKeys.comparison(ids, points),
    queryFn: ({ signal }) => getComparison(ids, points, signal),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

export function useComparison(ids: readonly string[]) {
  return useQuery({ ...comparisonQueryOptions(ids), enabled: ids.length >= MIN_COMPARE && ids.length <= MAX_COMPARE });
}
