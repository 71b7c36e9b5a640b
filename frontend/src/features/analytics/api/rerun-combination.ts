import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";

/** Runs one combination of an optimisation as a full backtest (with curves and trades); resolves to the run. */
export function rerunCombination(id: string, combination: number) {
  return unwrap(api.POST("/api/v1/backtests/optimize/{id}/results/{combination}/backtest", { params: { path: { id, combination } } }));
}

export function useRerunCombination() {
  return useMutation({ mutationFn: ({ id, combination }: { id: string; combination: number }) => rerunCombination(id, combination) });
}
