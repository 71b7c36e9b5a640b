import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { backtestKeys } from "./get-backtests";

/** The account a run on a symbol starts from: its asset class preset's defaults and limits. */
export function getAccountDefaults(symbol: string, signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/backtests/account-defaults", { params: { query: { symbol } }, signal }));
}

export function accountDefaultsQueryOptions(symbol: string) {
  return queryOptions({
    queryKey: [...backtestKeys.all, "account-defaults", symbol] as const,
    queryFn: ({ signal }) => getAccountDefaults(symbol, signal),
    staleTime: 5 * 60_000,
  });
}

/** The preset of the form's symbol; idle until a symbol is picked. */
export function useAccountDefaults(symbol: string | undefined) {
  return useQuery({ ...accountDefaultsQueryOptions(symbol ?? ""), enabled: !!symbol });
}
