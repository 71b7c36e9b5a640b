import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { marketDataKeys } from "./get-symbols";

export type Dataset = "own" | "shared";

/** One symbol with its stored ranges, board, Korean name and price basis. */
export function getSymbol(symbol: string, dataset: Dataset | undefined, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/data/symbols/{symbol}", { params: { path: { symbol }, query: { dataset } }, signal }));
}

export function symbolQueryOptions(symbol: string, dataset?: Dataset) {
  return queryOptions({
    queryKey: marketDataKeys.symbol(symbol, dataset),
    queryFn: ({ signal }) => getSymbol(symbol, dataset, signal),
  });
}

export function useSymbol(symbol: string | null, dataset?: Dataset) {
  return useQuery({ ...symbolQueryOptions(symbol ?? "", dataset), enabled: !!symbol });
}
