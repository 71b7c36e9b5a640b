import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { robustnessKeys, WALK_FORWARD_POLL_MS } from "./keys";
import type { WalkForwardStatus } from "./types";

export const isWalkForwardActive = (status: WalkForwardStatus | null | undefined) => status === "queued" || status === "running";

/** One walk-forward with its windows; asked again every second while its windows are still being run. */
export function walkForwardQueryOptions(id: string) {
  return queryOptions({
    queryKey: robustnessKeys.walkForward(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/backtests/walk-forward/{id}", { params: { path: { id } }, signal })),
    refetchInterval: (query) => (!query.state.data || isWalkForwardActive(query.state.data.status) ? WALK_FORWARD_POLL_MS : false),
  });
}

export const useWalkForward = (id: string) => useQuery(walkForwardQueryOptions(id));
