import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { strategyKeys } from "./get-strategies";

export function getStrategy(id: string, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/strategies/{id}", { params: { path: { id } }, signal }));
}

export function strategyQueryOptions(id: string) {
  return queryOptions({
    queryKey: strategyKeys.detail(id),
    queryFn: ({ signal }) => getStrategy(id, signal),
  });
}

export function useStrategy(id: string | null) {
  return useQuery({ ...strategyQueryOptions(id ?? ""), enabled: !!id });
}
