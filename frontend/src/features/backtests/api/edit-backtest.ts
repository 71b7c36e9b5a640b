import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaRunDocumentRequest } from "@/lib/api/schema";
import { backtestKeys } from "./get-backtests";

/** Renames a run of the user's, or rewrites its notes or tags (each field sent replaces the stored one). */
export function editBacktest(id: string, body: SchemaRunDocumentRequest) {
  return unwrap(api.PATCH("/api/v1/backtests/{id}", { params: { path: { id } }, body }));
}

export function useEditBacktest(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SchemaRunDocumentRequest) => editBacktest(id, body),
    onSuccess: (run) => {
      queryClient.setQueryData(backtestKeys.detail(id), run);
      void queryClient.invalidateQueries({ queryKey: backtestKeys.lists() });
    },
  });
}
