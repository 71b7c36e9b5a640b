import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { backtestKeys } from "./get-backtests";

export function getBacktest(id: string, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/backtests/{id}", { params: { path: { id } }, signal }));
}

/** One run in full. Finished runs never change, so their data stays fresh. */
export function backtestQueryOptions(id: string) {
  return queryOptions({
    queryKey: backtestKeys.detail(id),
    queryFn: ({ signal }) => getBacktest(id, signal),
    staleTime: (query) => {
      const status = query.state.data?.status;
      return status === "completed" || status === "failed" || status === "cancelled" ? Infinity : 0;
    },
  });
}

export function useBacktest(id: string | null) {
  return useQuery({ ...backtestQueryOptions(id ?? ""), enabled: !!id });
}
