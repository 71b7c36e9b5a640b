import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { strategyKeys } from "./get-strategies";

export function getTemplates(signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/strategies/templates", { signal }));
}

export const templatesQueryOptions = queryOptions({
  queryKey: [...strategyKeys.all, "templates"] as const,
  queryFn: ({ signal }) => getTemplates(signal),
  staleTime: 60 * 60_000,
});

export function useTemplates() {
  return useQuery(templatesQueryOptions);
}
