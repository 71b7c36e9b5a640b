import { queryOptions, useQuery } from "@tanstack/react-query";
import { preferOwnUploads } from "@/components/forms/symbol-combobox";
import { api, unwrap } from "@/lib/api/client";
import { backtestKeys } from "./get-backtests";

/** Every symbol with its stored intervals and ranges, for the symbol search of the run form. */
export function getSymbolOptions(signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/data/symbols", { params: { query: { limit: 1000 } }, signal }));
}

export function symbolOptionsQueryOptions() {
  return queryOptions({
    queryKey: backtestKeys.symbols(),
    queryFn: ({ signal }) => getSymbolOptions(signal),
    select: preferOwnUploads,
  });
}

export function useSymbolOptions() {
  return useQuery(symbolOptionsQueryOptions());
}

/** The strategies a run can use: the user's own and everyone's public ones (the API's `all` scope). */
export function getStrategyOptions(signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/strategies", { params: { query: { scope: "all", size: 100, sort: "updated_at,desc" } }, signal }));
}

export function strategyOptionsQueryOptions() {
  return queryOptions({ queryKey: backtestKeys.strategyOptions(), queryFn: ({ signal }) => getStrategyOptions(signal) });
}

export function useStrategyOptions() {
  return useQuery(strategyOptionsQueryOptions());
}

/** One strategy, for a prefilled strategy that is not among the first page of options. */
export function getStrategyOption(id: string, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/strategies/{id}", { params: { path: { id } }, signal }));
}

export function useStrategyOption(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: backtestKeys.strategy(id ?? ""),
    queryFn: ({ signal }) => getStrategyOption(id!, signal),
    enabled: !!id && enabled,
  });
}
