import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { isWalkForwardActive } from "./get-walk-forward";
import { robustnessKeys, WALK_FORWARD_POLL_MS } from "./keys";

/** The user's walk-forwards, newest first; refreshed while one is still running. */
export function walkForwardsQueryOptions() {
  return queryOptions({
    queryKey: robustnessKeys.walkForwards(),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/backtests/walk-forward", { params: { query: { page: 0, size: 50 } }, signal })),
    refetchInterval: (query) => (query.state.data?.items?.some((w) => isWalkForwardActive(w.status)) ? WALK_FORWARD_POLL_MS * 2 : false),
  });
}

export const useWalkForwards = () => useQuery(walkForwardsQueryOptions());
