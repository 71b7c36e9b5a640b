import { queryOptions, useQuery } from "@tanstack/react-query";
import { getJson } from "./client";
import { robustnessKeys } from "./keys";
import type { OptimizationWithRobustness } from "./types";

/** How often, and how many times at most, statistics still being computed are asked for again. */
export const STATISTICS_POLL_MS = 1000;
export const STATISTICS_MAX_POLLS = 180;

/**
 * Whether an optimisation's robustness part is still to come: while it runs, and once completed until
 * its statistics (and the held-out evaluation, with a split) are stored.
 */
export function robustnessPending(data: OptimizationWithRobustness | undefined): boolean {
  if (!data) return true;
  if (data.status === "pending" || data.status === "running") return true;
  if (data.status !== "completed") return false;
  return data.statistics == null || data.out_of_sample?.status === "pending";
}

/**
 * The optimisation as its robustness tab needs it (statistics, the split and its top ten), polled
 * while that part is being computed after the sweep; an optimisation stored before these statistics
 * existed never gets them, so the polling gives up after a few minutes.
 */
export function optimizationRobustnessQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...robustnessKeys.all, "optimization", id] as const,
    queryFn: ({ signal }) =>
      getJson<OptimizationWithRobustness>("/api/v1/backtests/optimize/{id}", { params: { path: { id }, query: { limit: 10 } }, signal }),
    refetchInterval: (query) =>
      robustnessPending(query.state.data) && query.state.dataUpdateCount < STATISTICS_MAX_POLLS ? STATISTICS_POLL_MS : false,
  });
}

export const useOptimizationRobustness = (id: string) => useQuery(optimizationRobustnessQueryOptions(id));
