import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";

export interface SymbolFilter {
  query?: string;
  market?: string;
}

export const marketDataKeys = {
  all: ["market-data"] as const,
  symbols: (filter: SymbolFilter) => [...marketDataKeys.all, "symbols", filter] as const,
  imports: () => [...marketDataKeys.all, "imports"] as const,
  import: (id: string) => [...marketDataKeys.all, "imports", id] as const,
  symbol: (symbol: string, dataset?: string) => [...marketDataKeys.all, "symbol", symbol, dataset ?? null] as const,
  actions: (symbol: string, dataset?: string) => [...marketDataKeys.all, "actions", symbol, dataset ?? null] as const,
};

export function getSymbols(filter: SymbolFilter, signal?: AbortSignal) {
  return unwrap(
    api.GET("/api/v1/data/symbols", {
      params: { query: { query: filter.query || undefined, market: filter.market || undefined, limit: 1000 } },
      signal,
    }),
  );
}

export function symbolsQueryOptions(filter: SymbolFilter) {
  return queryOptions({
    queryKey: marketDataKeys.symbols(filter),
    queryFn: ({ signal }) => getSymbols(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSymbols(filter: SymbolFilter = {}) {
  return useQuery(symbolsQueryOptions(filter));
}
