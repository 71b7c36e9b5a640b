import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { analyticsKeys } from "./keys";

/** The user's latest completed runs (the ones that can be compared), newest first. */
export function getCompletedRuns(signal?: AbortSignal) {
  return unwrap(
    api.GET("/api/v1/backtests", {
      params: { query: { status: "completed", size: 100, page: 0, sort: "completed_at,desc" } },
      signal,
    }),
  );
}

export function completedRunsQueryOptions() {
  return queryOptions({ queryKey: analyticsKeys.runs(), queryFn: ({ signal }) => getCompletedRuns(signal) });
}

export function useCompletedRuns() {
  return useQuery(completedRunsQueryOptions());
}
