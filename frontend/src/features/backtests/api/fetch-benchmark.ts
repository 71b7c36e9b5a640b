import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { backtestKeys } from "./get-backtests";

export interface BenchmarkFetch {
  symbol: string;
  interval: string;
  /** ISO date: the run's first day. */
  start: string;
}

/** Starts fetching a suggested index benchmark from Yahoo (POST /data/import), so the run can be measured against it. */
export function fetchBenchmark({ symbol, interval, start }: BenchmarkFetch) {
  return unwrap(
    api.POST("/api/v1/data/import", {
      // The spec merges the CSV and JSON forms of this endpoint; these two query values are the CSV form's.
      params: { query: { symbol, interval } },
      body: { source: "yahoo", symbol, interval, start },
    }),
  );
}

export function useFetchBenchmark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fetchBenchmark,
    // The symbol list and the suggestions' "stored" flags change once the import lands.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: backtestKeys.all }),
  });
}
