import { queryOptions, useQuery } from "@tanstack/react-query";
import { preferOwnUploads } from "@/components/forms/symbol-combobox";
import { api, unwrap } from "@/lib/api/client";
import { analyticsKeys } from "./keys";

/** Symbols with their stored ranges, for the optimisation form. */
export function symbolOptionsQueryOptions() {
  return queryOptions({
    queryKey: analyticsKeys.symbols(),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/data/symbols", { params: { query: { limit: 1000 } }, signal })),
    select: preferOwnUploads,
  });
}

export const useSymbolOptions = () => useQuery(symbolOptionsQueryOptions());

/** The user's strategies and public ones, with their declared parameters. */
export function strategyOptionsQueryOptions() {
  return queryOptions({
    queryKey: analyticsKeys.strategies(),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/strategies", { params: { query: { scope: "all", size: 100, sort: "updated_at,desc" } }, signal })),
  });
}

export const useStrategyOptions = () => useQuery(strategyOptionsQueryOptions());
