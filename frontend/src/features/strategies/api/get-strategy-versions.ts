import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { strategyKeys } from "./get-strategies";

export const VERSION_PAGE_SIZE = 20;

export const versionKeys = {
  all: (id: string) => [...strategyKeys.detail(id), "versions"] as const,
  list: (id: string) => [...versionKeys.all(id), "list"] as const,
  one: (id: string, number: number) => [...versionKeys.all(id), "one", number] as const,
};

export function getStrategyVersions(id: string, page: number, signal?: AbortSignal) {
  return unwrap(
    api.GET("/api/v1/strategies/{id}/versions", {
      params: { path: { id }, query: { page, size: VERSION_PAGE_SIZE } },
      signal,
    }),
  );
}

/** The strategy's versions, newest first, a page at a time ("show older" loads the next). */
export function strategyVersionsQueryOptions(id: string) {
  return infiniteQueryOptions({
    queryKey: versionKeys.list(id),
    queryFn: ({ pageParam, signal }) => getStrategyVersions(id, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.page + 1 < last.total_pages ? last.page + 1 : undefined),
  });
}

export function useStrategyVersions(id: string) {
  return useInfiniteQuery(strategyVersionsQueryOptions(id));
}
