import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { operations, SchemaPageResponseBacktestSummary } from "@/lib/api/schema";

export type BacktestListParams = NonNullable<operations["list_1"]["parameters"]["query"]>;
export type BacktestStatus = NonNullable<BacktestListParams["status"]>;

export const backtestKeys = {
  all: ["backtests"] as const,
  lists: () => [...backtestKeys.all, "list"] as const,
  list: (params: BacktestListParams) => [...backtestKeys.lists(), params] as const,
  details: () => [...backtestKeys.all, "detail"] as const,
  detail: (id: string) => [...backtestKeys.details(), id] as const,
  status: (id: string) => [...backtestKeys.all, "status", id] as const,
  roundTrips: (id: string, params: Record<string, string | number | undefined>) =>
    [...backtestKeys.all, "round-trips", id, params] as const,
  chart: (id: string, range: { from?: string; to?: string }, points: number) => [...backtestKeys.all, "chart", id, range, points] as const,
  summary: (id: string) => [...backtestKeys.all, "summary", id] as const,
  series: (id: string, names: readonly string[], points: number) => [...backtestKeys.all, "series", id, names, points] as const,
  symbols: () => [...backtestKeys.all, "symbols"] as const,
  strategyOptions: () => [...backtestKeys.all, "strategy-options"] as const,
  strategy: (id: string) => [...backtestKeys.all, "strategy", id] as const,
};

/** How often a list with queued or running runs is refreshed, so their progress moves. */
export const LIST_POLL_MS = 2000;

export function getBacktests(params: BacktestListParams, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/backtests", { params: { query: params }, signal }));
}

export const hasActiveRuns = (page: SchemaPageResponseBacktestSummary | undefined) =>
  !!page?.items?.some((run) => run.status === "pending" || run.status === "running");

export function backtestsQueryOptions(params: BacktestListParams) {
  return queryOptions({
    queryKey: backtestKeys.list(params),
    queryFn: ({ signal }) => getBacktests(params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (hasActiveRuns(query.state.data) ? LIST_POLL_MS : false),
  });
}

export function useBacktests(params: BacktestListParams) {
  return useQuery(backtestsQueryOptions(params));
}
