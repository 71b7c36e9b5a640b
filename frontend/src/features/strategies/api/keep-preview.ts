import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import type { SchemaBacktestRequest } from "@/lib/api/schema";
import type { PreviewRequest } from "./preview-backtest";

/** The stored run a preview stands for: the same request, naming the saved strategy instead of carrying code. */
export function runRequestOf(strategyId: string, preview: PreviewRequest): SchemaBacktestRequest {
  return {
    strategy_id: strategyId,
    symbol: preview.symbol,
    interval: preview.interval,
    start_date: preview.start_date,
    end_date: preview.end_date,
    initial_capital: preview.initial_capital,
    parameters: preview.parameters,
  };
}

export interface KeepPreviewInput {
  /** The request of the preview on screen. */
  preview: PreviewRequest;
  /** The strategy's id, null while it was never saved. */
  strategyId: string | null;
  /** Whether the editor holds changes the stored strategy lacks (its code must be what the run reads). */
  unsaved: boolean;
  /** The editor's own save; resolves to the strategy's id, rejects when it could not save. */
  save: () => Promise<string>;
}

/**
 * Keeps a preview as a normal run: saves the strategy first when the editor has changes (or it is
 * new), then queues the same request with POST /api/v1/backtests. Resolves to both ids.
 */
export async function keepPreview({ preview, strategyId, unsaved, save }: KeepPreviewInput) {
  const id = !strategyId || unsaved ? await save() : strategyId;
  const run = await unwrap(api.POST("/api/v1/backtests", { body: runRequestOf(id, preview) }));
  return { strategyId: id, runId: run.id! };
}

export function useKeepPreview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: keepPreview,
    // The runs lists (the backtests feature's queries, under its root key) now miss one.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["backtests"] }),
  });
}
