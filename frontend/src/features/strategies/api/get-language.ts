import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { strategyKeys } from "./get-strategies";

export function getLanguage(signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/strategies/language", { signal }));
}

export const languageQueryOptions = queryOptions({
  queryKey: [...strategyKeys.all, "language"] as const,
  queryFn: ({ signal }) => getLanguage(signal),
  staleTime: 60 * 60_000,
});

export function useLanguageCatalogue() {
  return useQuery(languageQueryOptions);
}
