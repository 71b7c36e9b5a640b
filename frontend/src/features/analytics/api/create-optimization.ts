import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaOptimizeRequest } from "@/lib/api/schema";
import { analyticsKeys } from "./keys";

/** Queues a parameter sweep (202); the answer carries its id, grid and combination count. */
export function createOptimization(body: SchemaOptimizeRequest) {
  return unwrap(api.POST("/api/v1/backtests/optimize", { body }));
}

export function useCreateOptimization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOptimization,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: analyticsKeys.optimizations() }),
  });
}
