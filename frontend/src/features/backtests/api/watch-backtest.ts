"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "@/lib/api/client";
import { readServerSentEvents } from "@/lib/sse";
import { getBacktestStatus } from "./get-backtest-status";
import { backtestKeys } from "./get-backtests";

export type RunState = "pending" | "running" | "completed" | "failed" | "cancelled";

export interface RunProgress {
  status: RunState;
  progress: number;
  error: string | null;
}

export const isFinal = (status: string | null | undefined) => status === "completed" || status === "failed" || status === "cancelled";

/** How often /status is asked when the event stream cannot be used. */
export const STATUS_POLL_MS = 1500;

const RUN_STATES: readonly string[] = ["pending", "running", "completed", "failed", "cancelled"];

/** A `status` event's data as progress; null for anything unreadable. */
export function parseStatusEvent(data: string): RunProgress | null {
  try {
    const value = JSON.parse(data) as Record<string, unknown>;
    if (typeof value.status !== "string" || !RUN_STATES.includes(value.status)) return null;
    return {
      status: value.status as RunState,
      progress: typeof value.progress === "number" ? Math.max(0, Math.min(100, value.progress)) : 0,
      error: typeof value.error === "string" ? value.error : null,
    };
  } catch {
    return null;
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * Follows a run until it reaches a final state: over the Server-Sent Events stream (a fetch with the
 * bearer token and the client's refresh-on-401, which EventSource could not do), and when the stream
 * fails or ends early, by polling /status. Resolves with the final progress, or null when aborted.
 */
export async function followRun(
  id: string,
  onUpdate: (progress: RunProgress) => void,
  signal: AbortSignal,
  pollMs = STATUS_POLL_MS,
): Promise<RunProgress | null> {
  let last: RunProgress | null = null;
  try {
    const { response, data } = await api.GET("/api/v1/backtests/{id}/events", {
      params: { path: { id } },
      headers: { Accept: "text/event-stream" },
      parseAs: "stream",
      signal,
    });
    if (response.ok && data) {
      for await (const event of readServerSentEvents(data as ReadableStream<Uint8Array>, signal)) {
        if (event.event !== "status") continue;
        const progress = parseStatusEvent(event.data);
        if (!progress) continue;
        last = progress;
        onUpdate(progress);
        if (isFinal(progress.status)) return progress;
      }
    }
  } catch {
    // The stream broke (network, proxy): polling takes over below.
  }
  while (!signal.aborted) {
    try {
      const status = await getBacktestStatus(id, signal);
      const progress = parseStatusEvent(JSON.stringify(status));
      if (progress && (progress.status !== last?.status || progress.progress !== last.progress)) {
        last = progress;
        onUpdate(progress);
      }
      if (progress && isFinal(progress.status)) return progress;
    } catch {
      // Keep trying at the poll interval; the page shows the last known state meanwhile.
    }
    await sleep(pollMs, signal);
  }
  return null;
}

/**
 * The live state of a run that is still queued or running, starting from what the page loaded. When
 * it finishes, the run's full result and the run lists are fetched again.
 */
export function useRunProgress(id: string, initial: RunProgress): RunProgress {
  const queryClient = useQueryClient();
  const [live, setLive] = useState<RunProgress>(initial);
  const active = !isFinal(initial.status);
  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    void followRun(id, setLive, controller.signal).then((final) => {
      if (!final || controller.signal.aborted) return;
      void queryClient.invalidateQueries({ queryKey: backtestKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: backtestKeys.lists() });
    });
    return () => controller.abort();
  }, [id, active, queryClient]);
  return active ? live : initial;
}
