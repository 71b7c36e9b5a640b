import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";

/** How many indicators, templates and intervals the service offers, counted by the API from its catalogue (public). */
export function getCatalogueSummary(signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/catalogue/summary", { signal }));
}

export function catalogueSummaryQueryOptions() {
  return queryOptions({
    queryKey: ["catalogue", "summary"] as const,
    queryFn: ({ signal }) => getCatalogueSummary(signal),
    staleTime: 60 * 60_000,
  });
}

export function useCatalogueSummary() {
  return useQuery(catalogueSummaryQueryOptions());
}
