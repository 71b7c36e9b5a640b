import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { strategyKeys } from "./get-strategies";

export function copyStrategy(id: string) {
  return unwrap(api.POST("/api/v1/strategies/{id}/copy", { params: { path: { id } } }));
}

export function useCopyStrategy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: copyStrategy,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: strategyKeys.lists() }),
  });
}
