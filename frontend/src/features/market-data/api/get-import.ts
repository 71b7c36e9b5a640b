import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaImportView } from "@/lib/api/schema";
import { isActive } from "./get-imports";
import { marketDataKeys } from "./get-symbols";

export const IMPORT_POLL_MS = 1000;

/** One import as logged: what it read, stored and skipped, and its state. */
export function getImport(id: string, signal?: AbortSignal): Promise<SchemaImportView> {
  return unwrap(api.GET("/api/v1/data/imports/{id}", { params: { path: { id } }, signal }));
}

/** One import, polled every second until it has finished. */
export function importQueryOptions(id: string) {
  return queryOptions({
    queryKey: marketDataKeys.import(id),
    queryFn: ({ signal }) => getImport(id, signal),
    refetchInterval: (query) => (query.state.data && !isActive(query.state.data) ? false : IMPORT_POLL_MS),
  });
}

export function useImportProgress(id: string | null) {
  const queryClient = useQueryClient();
  const query = useQuery({ ...importQueryOptions(id ?? ""), enabled: !!id });
  const finished = !!query.data && !isActive(query.data);
  useEffect(() => {
    // When a fetch finishes, the symbol list and the import log have new rows.
    if (finished) void queryClient.invalidateQueries({ queryKey: marketDataKeys.all, refetchType: "active" });
  }, [finished, queryClient]);
  return query;
}
