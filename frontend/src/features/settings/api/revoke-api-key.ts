import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { apiKeyKeys } from "./get-api-keys";

export function revokeApiKey(id: string) {
  return unwrap(api.DELETE("/api/v1/api-keys/{id}", { params: { path: { id } } }));
}

/** Revokes a key: it stops working at once and stays listed as revoked. */
export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}
