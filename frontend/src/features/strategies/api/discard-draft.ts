import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { strategyKeys } from "./get-strategies";

export function discardDraft(id: string) {
  return unwrap(api.DELETE("/api/v1/strategies/{id}/draft", { params: { path: { id } } }));
}

export function useDiscardDraft(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => discardDraft(id),
    onSuccess: (saved) => queryClient.setQueryData(strategyKeys.detail(id), saved),
  });
}
