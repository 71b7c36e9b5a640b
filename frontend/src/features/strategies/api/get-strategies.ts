import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { operations } from "@/lib/api/schema";

export type StrategyListParams = NonNullable<operations["list"]["parameters"]["query"]>;
export type StrategyScope = "mine" | "public" | "all";

export const strategyKeys = {
  all: ["strategies"] as const,
  lists: () => [...strategyKeys.all, "list"] as const,
  list: (params: StrategyListParams) => [...strategyKeys.lists(), params] as const,
  detail: (id: string) => [...strategyKeys.all, "detail", id] as const,
};

export function getStrategies(params: StrategyListParams, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/strategies", { params: { query: params }, signal }));
}

export function strategiesQueryOptions(params: StrategyListParams) {
  return queryOptions({
    queryKey: strategyKeys.list(params),
    queryFn: ({ signal }) => getStrategies(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useStrategies(params: StrategyListParams) {
  return useQuery(strategiesQueryOptions(params));
}
