import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaBacktestRequest } from "@/lib/api/schema";
import { backtestKeys } from "./get-backtests";

/** Queues a run (202): the answer is its id and `pending` status; a worker picks it up within seconds. */
export function createBacktest(body: SchemaBacktestRequest) {
  return unwrap(api.POST("/api/v1/backtests", { body }));
}

export function useCreateBacktest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBacktest,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: backtestKeys.lists() }),
  });
}
