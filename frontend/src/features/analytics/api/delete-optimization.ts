import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { analyticsKeys } from "./keys";

/** Cancels a running optimisation, or deletes a finished one with its results. */
export function deleteOptimization(id: string) {
  return unwrap(api.DELETE("/api/v1/backtests/optimize/{id}", { params: { path: { id } } }));
}

export function useDeleteOptimization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteOptimization,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: analyticsKeys.optimizations() }),
  });
}
