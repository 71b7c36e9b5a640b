import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { robustnessKeys } from "./keys";
import type { MonteCarloRequest } from "./types";

/** Queues a Monte Carlo analysis of a completed run (202); the answer is the queued analysis. */
export function createMonteCarlo(runId: string, body: MonteCarloRequest) {
  return unwrap(api.POST("/api/v1/backtests/{id}/monte-carlo", { params: { path: { id: runId } }, body }));
}

export function useCreateMonteCarlo(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MonteCarloRequest) => createMonteCarlo(runId, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: robustnessKeys.monteCarlos(runId) }),
  });
}
