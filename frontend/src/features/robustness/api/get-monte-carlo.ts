import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { MONTE_CARLO_POLL_MS, robustnessKeys } from "./keys";
import type { MonteCarloStatus } from "./types";

export const isMonteCarloActive = (status: MonteCarloStatus | null | undefined) => status === "queued" || status === "running";

/** One analysis with its bands and histograms; asked again every 300 ms until it is final. */
export function monteCarloQueryOptions(runId: string, id: string) {
  return queryOptions({
    queryKey: robustnessKeys.monteCarlo(runId, id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/backtests/{id}/monte-carlo/{mcId}", { params: { path: { id: runId, mcId: id } }, signal })),
    refetchInterval: (query) => (!query.state.data || isMonteCarloActive(query.state.data.status) ? MONTE_CARLO_POLL_MS : false),
  });
}

export function useMonteCarlo(runId: string, id: string | null) {
  return useQuery({ ...monteCarloQueryOptions(runId, id ?? ""), enabled: !!id });
}
