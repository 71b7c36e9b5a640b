import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { backtestKeys } from "./get-backtests";

/** Creates the run's public link, or returns its existing one with `include_code` as now chosen. */
export function shareBacktest(id: string, includeCode: boolean) {
  return unwrap(api.POST("/api/v1/backtests/{id}/share", { params: { path: { id } }, body: { include_code: includeCode } }));
}

/** Revokes the run's public link: its token answers 404 from then on. */
export async function revokeShare(id: string) {
  await unwrap(api.DELETE("/api/v1/backtests/{id}/share", { params: { path: { id } } }));
}

/** The run's `share` lives in its detail, so both mutations refresh it. */
export function useShareBacktest(id: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: backtestKeys.detail(id) });
  const share = useMutation({ mutationFn: (includeCode: boolean) => shareBacktest(id, includeCode), onSuccess: refresh });
  const revoke = useMutation({ mutationFn: () => revokeShare(id), onSuccess: refresh });
  return { share, revoke };
}
