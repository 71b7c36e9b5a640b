import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { backtestKeys } from "./get-backtests";

/**
 * Queues one of the user's runs again (202) with its stored code, settings and parameters on the same
 * data; the answer is the new run's id and `pending` status.
 */
export function rerunBacktest(id: string) {
  return unwrap(api.POST("/api/v1/backtests/{id}/rerun", { params: { path: { id } } }));
}

export function useRerunBacktest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => rerunBacktest(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: backtestKeys.lists() }),
  });
}
