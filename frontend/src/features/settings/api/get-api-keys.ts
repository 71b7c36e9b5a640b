import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";

export const apiKeyKeys = {
  all: ["api-keys"] as const,
};

export function getApiKeys(signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/api-keys", { signal }));
}

/** The caller's keys, newest first, by prefix only (the secret is never listed). */
export function apiKeysQueryOptions() {
  return queryOptions({ queryKey: apiKeyKeys.all, queryFn: ({ signal }) => getApiKeys(signal) });
}

export function useApiKeys() {
  return useQuery(apiKeysQueryOptions());
}
