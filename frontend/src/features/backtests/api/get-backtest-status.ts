import { api, unwrap } from "@/lib/api/client";
import type { SchemaBacktestStatusResponse } from "@/lib/api/schema";

/**
 * The run's state and progress (the fallback when the event stream is unavailable). The OpenAPI
 * document declares no 200 response for this operation, so the body is typed with the spec's own
 * BacktestStatusResponse, which is what it returns.
 */
export function getBacktestStatus(id: string, signal?: AbortSignal): Promise<SchemaBacktestStatusResponse> {
  return unwrap<SchemaBacktestStatusResponse>(
    api.GET("/api/v1/backtests/{id}/status", { params: { path: { id } }, signal }) as Promise<{
      data?: SchemaBacktestStatusResponse;
      error?: unknown;
      response: Response;
    }>,
  );
}
