import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { backtestKeys } from "./get-backtests";

/** Cancels a queued or running run (202), or deletes a finished one with its fills (204). */
export function deleteBacktest(id: string) {
  return unwrap(api.DELETE("/api/v1/backtests/{id}", { params: { path: { id } } }));
}

export function useDeleteBacktest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteBacktest(id),
    onSuccess: (_, id) => {
      void queryClient.invalidateQueries({ queryKey: backtestKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: backtestKeys.detail(id) });
    },
  });
}
