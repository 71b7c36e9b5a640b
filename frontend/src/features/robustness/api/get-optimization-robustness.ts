import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { robustnessKeys } from "./keys";
import type { OptimizationWithRobustness } from "./types";

/** How often statistics still being computed are asked for again, and for how long after the sweep. */
export const STATISTICS_POLL_MS = 1000;
export const STATISTICS_WAIT_MS = 5 * 60_000;

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
 * while that part is being computed after the sweep. An optimisation stored before these statistics
 * existed never gets them, so a sweep that finished more than a few minutes ago is not asked again.
 */
/** Whether to ask again: pending, and either the sweep still runs or it finished only a few minutes ago. */
export function stillComing(data: OptimizationWithRobustness | undefined, now = Date.now()): boolean {
  if (!robustnessPending(data)) return false;
  if (data?.status !== "completed" || !data.completed_at) return true;
  return now - Date.parse(data.completed_at) < STATISTICS_WAIT_MS;
}

export function optimizationRobustnessQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...robustnessKeys.all, "optimization", id] as const,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/backtests/optimize/{id}", { params: { path: { id }, query: { limit: 10 } }, signal })),
    refetchInterval: (query) => (stillComing(query.state.data) ? STATISTICS_POLL_MS : false),
  });
}

export const useOptimizationRobustness = (id: string) => useQuery(optimizationRobustnessQueryOptions(id));
