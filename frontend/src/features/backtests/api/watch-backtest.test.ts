import { afterEach, describe, expect, it, vi } from "vitest";
import { json, stubApi } from "@/test/render";
import { followRun, parseStatusEvent, type RunProgress } from "./watch-backtest";

const ID = "afb88dd7-0000-4000-8000-000000000001";

/** An event-stream response whose body arrives in the given chunks, as a server would send it. */
function sse(chunks: string[]) {
  const encoder = new TextEncoder();
  return new Response(
    new ReadableStream({
      start(controller) {
        chunks.forEach((chunk) => controller.enqueue(encoder.encode(chunk)));
        controller.close();
      },
    }),
    { status: 200, headers: { "Content-Type": "text/event-stream" } },
  );
}

const status = (s: string, progress: number, error: string | null = null) =>
  `event:status\ndata:${JSON.stringify({ id: ID, status: s, progress, error })}\n\n`;

afterEach(() => vi.unstubAllGlobals());

describe("following a run", () => {
  it("reads progress from the event stream, sent with the bearer token, until the final state", async () => {
    const stream = [
      status("pending", 0),
      status("running", 20).slice(0, 17),
      status("running", 20).slice(17),
      ": ping\n\n",
      status("completed", 100),
    ];
    const { requests } = stubApi((_, url) => (url.pathname === `/api/v1/backtests/${ID}/events` ? sse(stream) : undefined));
    const updates: RunProgress[] = [];
    const final = await followRun(ID, (p) => updates.push(p), new AbortController().signal, 5);
    expect(updates).toEqual([
      { status: "pending", progress: 0, error: null },
      { status: "running", progress: 20, error: null },
      { status: "completed", progress: 100, error: null },
    ]);
    expect(final?.status).toBe("completed");
    expect(requests[0]!.headers.get("Accept")).toBe("text/event-stream");
    expect(requests.some((r) => r.url.endsWith("/status"))).toBe(false);
  });

  it("falls back to polling /status when the stream fails", async () => {
    const answers = [
      { status: "running", progress: 50 },
      { status: "running", progress: 50 },
      { status: "failed", progress: 60, error: "strategy error: division by zero" },
    ];
    const { requests } = stubApi((_, url) => {
      if (url.pathname.endsWith("/events")) return json(503, { type: "/problems/worker-only", title: "Unavailable", status: 503 });
      if (url.pathname.endsWith("/status")) return json(200, { id: ID, ...answers.shift() });
      return undefined;
    });
    const updates: RunProgress[] = [];
    const final = await followRun(ID, (p) => updates.push(p), new AbortController().signal, 5);
    expect(updates.map((u) => `${u.status}:${u.progress}`)).toEqual(["running:50", "failed:60"]);
    expect(final).toEqual({ status: "failed", progress: 60, error: "strategy error: division by zero" });
    expect(requests.filter((r) => r.url.endsWith("/status"))).toHaveLength(3);
  });

  it("polls when the stream ends before a final state (a proxy closed it)", async () => {
    stubApi((_, url) => {
      if (url.pathname.endsWith("/events")) return sse([status("running", 10)]);
      if (url.pathname.endsWith("/status")) return json(200, { id: ID, status: "completed", progress: 100 });
      return undefined;
    });
    const updates: RunProgress[] = [];
    await followRun(ID, (p) => updates.push(p), new AbortController().signal, 5);
    expect(updates.map((u) => u.status)).toEqual(["running", "completed"]);
  });

  it("stops, reporting nothing more, when aborted", async () => {
    stubApi((_, url) => (url.pathname.endsWith("/status") ? json(200, { id: ID, status: "pending", progress: 0 }) : json(500, {})));
    const controller = new AbortController();
    const updates: RunProgress[] = [];
    const done = followRun(ID, (p) => updates.push(p), controller.signal, 10_000);
    await vi.waitFor(() => expect(updates).toHaveLength(1));
    controller.abort();
    expect(await done).toBeNull();
  });

  it("ignores status events it cannot read", () => {
    expect(parseStatusEvent("not json")).toBeNull();
    expect(parseStatusEvent('{"status":"exploded"}')).toBeNull();
    expect(parseStatusEvent('{"status":"running","progress":250}')).toEqual({ status: "running", progress: 100, error: null });
  });
});
