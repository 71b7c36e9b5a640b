import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { robustnessKeys } from "./keys";

export function deleteMonteCarlo(runId: string, id: string) {
  return unwrap(api.DELETE("/api/v1/backtests/{id}/monte-carlo/{mcId}", { params: { path: { id: runId, mcId: id } } }));
}

export function useDeleteMonteCarlo(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteMonteCarlo(runId, id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: robustnessKeys.monteCarlos(runId) }),
  });
}
