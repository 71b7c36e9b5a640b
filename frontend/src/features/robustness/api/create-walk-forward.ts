import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { robustnessKeys } from "./keys";
import type { WalkForwardRequest } from "./types";

/** Queues a walk-forward optimisation (202); the answer carries its id, windows and combination count. */
export function createWalkForward(body: WalkForwardRequest) {
  return unwrap(api.POST("/api/v1/backtests/walk-forward", { body }));
}

export function useCreateWalkForward() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWalkForward,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: robustnessKeys.walkForwards() }),
  });
}
