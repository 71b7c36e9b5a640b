import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, stubApi } from "@/test/render";
import { usePreview, type PreviewRequest } from "./preview-backtest";

const BASE: PreviewRequest = {
  code: "param fast = 10 in 2..50\nentry = crossover(sma(close, fast), sma(close, 30))\nexit = crossunder(sma(close, fast), sma(close, 30))",
  symbol: "AAPL",
  interval: "1d",
  start_date: "2013-01-02",
  end_date: "2013-12-31",
  initial_capital: 10_000,
  parameters: { fast: 10 },
  points: 2000,
};

/** A preview answer whose total return names the `fast` it was computed with. */
const answer = (fast: number) => ({
  result: { metrics: { total_return: fast / 100 } },
  fills: [],
  fills_truncated: false,
  parameters: { fast },
  settings: {},
  plots: { time: [], series: [], total_points: 0 },
  engine_ms: 3,
  data_fingerprint: "f",
});

/** The API answering each preview only when the test says so, in any order. */
function deferredPreviews() {
  const pending = new Map<number, { resolve: (response: Response) => void; signal: AbortSignal }>();
  const stub = stubApi(async (request, url) => {
    if (url.pathname !== "/api/v1/backtests/preview") return undefined;
    const body = (await request.json()) as PreviewRequest;
    const fast = body.parameters.fast!;
    return new Promise<Response>((resolve, reject) => {
      pending.set(fast, { resolve, signal: request.signal });
      request.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
    });
  });
  return { ...stub, pending };
}

function wrapper() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return function Providers({ children }: { children: ReactNode }) {
    return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  };
}

afterEach(() => vi.unstubAllGlobals());

describe("the workbench's preview", () => {
  it("shows only the newest request's answer: a change aborts the one in flight, and a late older answer never replaces it", async () => {
    const api = deferredPreviews();
    const { result, rerender } = renderHook(({ request }) => usePreview(request), {
      wrapper: wrapper(),
      initialProps: { request: BASE as PreviewRequest | null },
    });
    await waitFor(() => expect(api.pending.has(10)).toBe(true));
    expect(result.current.computing).toBe(true);
    expect(result.current.shown).toBeNull();

    rerender({ request: { ...BASE, parameters: { fast: 12 } } });
    await waitFor(() => expect(api.pending.has(12)).toBe(true));
    expect(api.pending.get(10)!.signal.aborted).toBe(true);

    act(() => api.pending.get(12)!.resolve(json(200, answer(12))));
    await waitFor(() => expect(result.current.shown?.parameters.fast).toBe(12));
    expect(result.current.outdated).toBe(false);
    expect(result.current.computing).toBe(false);
    expect(result.current.shown!.roundTripMs).toBeGreaterThanOrEqual(0);

    // An older answer arriving after all (the abort came too late for the server) is not shown.
    act(() => api.pending.get(10)!.resolve(json(200, answer(10))));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.shown?.parameters.fast).toBe(12);
  });

  it("keeps the last answer visible, marked outdated, while the next computes and when there is nothing to preview", async () => {
    const api = deferredPreviews();
    const { result, rerender } = renderHook(({ request }) => usePreview(request), {
      wrapper: wrapper(),
      initialProps: { request: BASE as PreviewRequest | null },
    });
    await waitFor(() => expect(api.pending.has(10)).toBe(true));
    act(() => api.pending.get(10)!.resolve(json(200, answer(10))));
    await waitFor(() => expect(result.current.shown?.parameters.fast).toBe(10));

    rerender({ request: { ...BASE, parameters: { fast: 20 } } });
    await waitFor(() => expect(result.current.computing).toBe(true));
    expect(result.current.shown?.parameters.fast).toBe(10);
    expect(result.current.outdated).toBe(true);

    rerender({ request: null });
    await waitFor(() => expect(result.current.computing).toBe(false));
    expect(result.current.shown?.parameters.fast).toBe(10);
    expect(result.current.outdated).toBe(true);
  });

  it("says nothing when the server replaced a preview with a newer one, and says why any other failed", async () => {
    let status = 409;
    stubApi((_request, url) => {
      if (url.pathname !== "/api/v1/backtests/preview") return undefined;
      return status === 409
        ? json(409, { type: "/problems/preview-superseded", title: "Superseded", status: 409 })
        : json(422, {
            type: "/problems/validation",
            title: "Invalid",
            status: 422,
            errors: [{ field: "end_date", message: "must not be before start_date" }],
          });
    });
    const { result, rerender } = renderHook(({ request }) => usePreview(request), {
      wrapper: wrapper(),
      initialProps: { request: BASE },
    });
    await waitFor(() => expect(result.current.computing).toBe(false));
    expect(result.current.error).toBeNull();

    status = 422;
    rerender({ request: { ...BASE, parameters: { fast: 11 } } });
    await waitFor(() => expect(result.current.error).not.toBeNull());
  });
});
