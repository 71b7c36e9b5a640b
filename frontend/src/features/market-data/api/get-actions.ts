import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { Dataset } from "./get-symbol";
import { marketDataKeys } from "./get-symbols";

/** A symbol's corporate actions (splits, dividends, halts), oldest first. */
export function getActions(symbol: string, dataset: Dataset | undefined, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/data/symbols/{symbol}/actions", { params: { path: { symbol }, query: { dataset } }, signal }));
}

export function actionsQueryOptions(symbol: string, dataset?: Dataset) {
  return queryOptions({
    queryKey: marketDataKeys.actions(symbol, dataset),
    queryFn: ({ signal }) => getActions(symbol, dataset, signal),
  });
}

export function useActions(symbol: string | null, dataset?: Dataset) {
  return useQuery({ ...actionsQueryOptions(symbol ?? "", dataset), enabled: !!symbol });
}
