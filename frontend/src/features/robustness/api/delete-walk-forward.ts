import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deleteJson } from "./client";
import { robustnessKeys } from "./keys";

/** Cancels a queued or running walk-forward, or deletes a finished one. */
export function deleteWalkForward(id: string) {
  return deleteJson("/api/v1/backtests/walk-forward/{id}", { params: { path: { id } } });
}

export function useDeleteWalkForward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWalkForward,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: robustnessKeys.walkForwards() }),
  });
}
