import { queryOptions, useQuery } from "@tanstack/react-query";
import { preferOwnUploads } from "@/components/forms/symbol-combobox";
import { api, unwrap } from "@/lib/api/client";
import { strategyKeys } from "./get-strategies";

/** Every symbol with its stored intervals and ranges, for the workbench's symbol search. */
export function getSymbols(signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/data/symbols", { params: { query: { limit: 1000 } }, signal }));
}

export function symbolsQueryOptions() {
  return queryOptions({
    queryKey: [...strategyKeys.all, "symbols"] as const,
    queryFn: ({ signal }) => getSymbols(signal),
    select: preferOwnUploads,
  });
}

export function useSymbols() {
  return useQuery(symbolsQueryOptions());
}
