import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { strategyKeys } from "./get-strategies";
import { versionKeys } from "./get-strategy-versions";

export function restoreStrategyVersion(id: string, number: number) {
  return unwrap(api.POST("/api/v1/strategies/{id}/versions/{number}/restore", { params: { path: { id, number } } }));
}

/** Restores a version as a new one; the strategy, its versions and the lists refresh. */
export function useRestoreStrategyVersion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (number: number) => restoreStrategyVersion(id, number),
    onSuccess: (saved) => {
      queryClient.setQueryData(strategyKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: versionKeys.list(id) });
      void queryClient.invalidateQueries({ queryKey: strategyKeys.lists() });
    },
  });
}
