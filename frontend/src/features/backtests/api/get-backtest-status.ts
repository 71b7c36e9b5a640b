import { api, unwrap } from "@/lib/api/client";
import type { SchemaBacktestStatusResponse } from "@/lib/api/schema";

/** The run's state and progress (the fallback when the event stream is unavailable). */
export function getBacktestStatus(id: string, signal?: AbortSignal): Promise<SchemaBacktestStatusResponse> {
  return unwrap(api.GET("/api/v1/backtests/{id}/status", { params: { path: { id } }, signal }));
}
