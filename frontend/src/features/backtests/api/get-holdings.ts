import { keepPreviousData, queryOptions, useQueries, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { holdingsBatches } from "../lib/portfolio";
import { backtestKeys } from "./get-backtests";
import { getRunChart } from "./get-run-chart";

/** Points per symbol the allocation chart asks for: a smooth band at any width, a light answer. */
export const ALLOCATION_POINTS = 400;

export function getHoldings(id: string, symbols: readonly string[], points: number, signal?: AbortSignal) {
  return unwrap(
    api.GET("/api/v1/backtests/{id}/holdings", {
      params: { path: { id }, query: { symbols: symbols.join(","), points } },
      signal,
    }),
  );
}

export function holdingsQueryOptions(id: string, symbols: readonly string[], points: number) {
  return queryOptions({
    queryKey: [...backtestKeys.all, "holdings", id, symbols, points] as const,
    queryFn: ({ signal }) => getHoldings(id, symbols, points, signal),
    staleTime: Infinity,
  });
}

/**
 * Every symbol's weight over the whole run, within a point budget: the endpoint reads at most 20
 * symbols at once, so a larger portfolio is read in batches (at most 25 for 500 symbols).
 */
export function useAllHoldings(id: string, symbols: readonly string[], points = ALLOCATION_POINTS) {
  return useQueries({
    queries: holdingsBatches(symbols).map((batch) => holdingsQueryOptions(id, batch, points)),
    combine: (results) => ({
      data: results.every((r) => r.isSuccess) ? results.map((r) => r.data!) : undefined,
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.isError)?.error ?? null,
      refetch: () => results.forEach((r) => void r.refetch()),
    }),
  });
}

/**
 * Every symbol's holding at the last of the run's times at or before `at`, with the equity at that
 * time (one point of the run's chart), which turns weights into values.
 */
export async function getHoldingsAt(id: string, at: string, signal?: AbortSignal) {
  const holdings = await unwrap(api.GET("/api/v1/backtests/{id}/holdings/at", { params: { path: { id }, query: { at } }, signal }));
  if (!holdings.time) return { ...holdings, equity: null };
  const chart = await getRunChart(id, { from: holdings.time, to: holdings.time }, 16, signal);
  const equity = chart.equity?.equity ?? [];
  return { ...holdings, equity: equity.length > 0 ? (equity[equity.length - 1] ?? null) : null };
}

export function useHoldingsAt(id: string, at: string | null) {
  return useQuery({
    queryKey: [...backtestKeys.all, "holdings-at", id, at] as const,
    queryFn: ({ signal }) => getHoldingsAt(id, at!, signal),
    enabled: !!at,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}
