import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { robustnessKeys } from "./keys";

/** Cancels a queued or running walk-forward, or deletes a finished one. */
export function deleteWalkForward(id: string) {
  return unwrap(api.DELETE("/api/v1/backtests/walk-forward/{id}", { params: { path: { id } } }));
}

export function useDeleteWalkForward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWalkForward,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: robustnessKeys.walkForwards() }),
  });
}
