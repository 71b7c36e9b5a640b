import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { strategyKeys } from "./get-strategies";

export function deleteStrategy(id: string) {
  return unwrap(api.DELETE("/api/v1/strategies/{id}", { params: { path: { id } } }));
}

export function useDeleteStrategy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteStrategy,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: strategyKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: strategyKeys.lists() });
    },
  });
}
