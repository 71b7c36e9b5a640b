import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaImportView } from "@/lib/api/schema";
import { marketDataKeys } from "./get-symbols";

export const ACTIVE_STATUSES = ["pending", "running"];
export const isActive = (view: SchemaImportView | undefined) => ACTIVE_STATUSES.includes(view?.status ?? "");

export function getImports(signal?: AbortSignal) {
  return unwrap(api.GET("/api/v1/data/imports", { signal }));
}

/** Your recent imports; polled while any of them is still running. */
export function importsQueryOptions() {
  return queryOptions({
    queryKey: marketDataKeys.imports(),
    queryFn: ({ signal }) => getImports(signal),
    refetchInterval: (query) => (query.state.data?.some(isActive) ? 2000 : false),
  });
}

export function useImports() {
  return useQuery(importsQueryOptions());
}
