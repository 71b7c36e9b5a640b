import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { backtestKeys } from "./get-backtests";

/** The index benchmarks suggested for a symbol's market (KOSPI for KRX, S&P 500 total return for US), best first. */
export function getBenchmarkDefaults(symbol: string, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/backtests/benchmark-defaults", { params: { query: { symbol } }, signal }));
}

export function benchmarkDefaultsQueryOptions(symbol: string) {
  return queryOptions({
    queryKey: [...backtestKeys.all, "benchmark-defaults", symbol] as const,
    queryFn: ({ signal }) => getBenchmarkDefaults(symbol, signal),
    staleTime: 5 * 60_000,
  });
}

/** Idle until the form has a symbol. */
export function useBenchmarkDefaults(symbol: string | undefined) {
  return useQuery({ ...benchmarkDefaultsQueryOptions(symbol ?? ""), enabled: !!symbol });
}
