import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api, unwrap } from "@/lib/api/client";
import { isApiError } from "@/lib/api/errors";
import type { SchemaPreviewFill, SchemaPreviewRequest, SchemaPreviewResponse } from "@/lib/api/schema";
import { strategyKeys } from "./get-strategies";

/** What the workbench previews: a run request with the editor's code (never a strategy id) and a point budget. */
export type PreviewRequest = SchemaPreviewRequest & { code: string; parameters: Record<string, number>; points: number };
export type PreviewFill = SchemaPreviewFill;

/** A preview with how long it took from sending the request to reading the answer, in ms. */
export interface TimedPreview extends SchemaPreviewResponse {
  roundTripMs: number;
}

export async function previewBacktest(request: PreviewRequest, signal?: AbortSignal): Promise<TimedPreview> {
  const started = performance.now();
  const response = await unwrap(api.POST("/api/v1/backtests/preview", { body: request, signal }));
  return { ...response, roundTripMs: performance.now() - started };
}

/** A newer preview of the same account replaced this one on the server: nothing to show or say. */
export const isSuperseded = (error: unknown) => isApiError(error) && error.status === 409 && error.is("/problems/preview-superseded");

/** Every preview slot was taken: it passes when one frees (Retry-After). */
export const isPreviewsBusy = (error: unknown) => isApiError(error) && error.status === 503 && error.is("/problems/previews-busy");

/** Tries of a preview refused as busy before the error is shown. */
export const BUSY_RETRIES = 3;

export function previewQueryOptions(request: PreviewRequest) {
  return queryOptions({
    queryKey: [...strategyKeys.all, "preview", request] as const,
    // Reading the signal lets TanStack Query abort the fetch once nobody waits for it: when a newer
    // request replaces this one as the workbench's key, the older one is cancelled.
    queryFn: ({ signal }) => previewBacktest(request, signal),
    // The same request gives the same answer while the bars stay: sliding back to a value shows it at once.
    staleTime: Infinity,
    gcTime: 30_000,
    placeholderData: keepPreviousData,
    retry: (failures, error) => failures < BUSY_RETRIES && isPreviewsBusy(error),
    retryDelay: (_, error) => Math.min(5, Math.max(0.25, (isApiError(error) ? error.retryAfterSeconds : undefined) ?? 1)) * 1000,
  });
}

export interface WorkbenchPreview {
  /** The newest answer received (kept on screen while the next computes or after it fails). */
  shown: TimedPreview | null;
  /** Whether `shown` answers an older request than the current one (shown dimmed). */
  outdated: boolean;
  /** Whether a preview is being computed. */
  computing: boolean;
  /** Why the current request failed; never a superseded one. */
  error: unknown;
}

/**
 * Previews `request` (null: nothing to preview, e.g. the code does not compile) and keeps the last
 * answer visible. Only the newest request counts: a change aborts the fetch in flight and an answer
 * to an older request is never shown over a newer one's.
 */
export function usePreview(request: PreviewRequest | null): WorkbenchPreview {
  const query = useQuery({ ...previewQueryOptions(request ?? IDLE), enabled: !!request });
  const [last, setLast] = useState<TimedPreview | null>(null);
  const fresh = request && !query.isPlaceholderData ? query.data : undefined;
  if (fresh && fresh !== last) setLast(fresh);
  const shown = fresh ?? last;
  return {
    shown,
    outdated: !!shown && shown !== fresh,
    computing: !!request && query.isFetching,
    error: request && query.isError && !isSuperseded(query.error) ? query.error : null,
  };
}

const IDLE: PreviewRequest = {
  code: "",
  symbol: "",
  interval: "1d",
  start_date: "",
  end_date: "",
  initial_capital: 0,
  parameters: {},
  points: 0,
};
