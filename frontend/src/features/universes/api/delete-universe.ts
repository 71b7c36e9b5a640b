import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { universeKeys } from "@/lib/api/universes";

export function deleteUniverse(id: string) {
  return unwrap(api.DELETE("/api/v1/universes/{id}", { params: { path: { id } } }));
}

export function useDeleteUniverse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteUniverse,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: universeKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: universeKeys.lists() });
    },
  });
}
