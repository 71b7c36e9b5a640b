import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runResult } from "@/test/fixtures";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { BacktestResult } from "./backtest-result";

const ID = "afb88dd7-0000-4000-8000-000000000001";
const base = {
  id: ID,
  strategy_id: "s-1",
  strategy_name: "SMA crossover",
  strategy_code: "long_entry = crossover(sma(close, 10), sma(close, 30))\n",
  symbol: "AAPL",
  interval: "1d",
  start_date: "2013-01-01",
  end_date: "2013-12-31",
  initial_capital: 10000,
  parameters: { fast: 10 },
  settings: {
    currency: "USD",
    time_zone: "America/New_York",
    fill: "next_open",
    costs: { preset: "us" },
    sizing: { type: "fraction_of_equity", value: 1 },
  },
  created_at: "2024-03-15T00:30:00Z",
};

function sse(lines: string) {
  return new Response(
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(lines));
        controller.close();
      },
    }),
    { status: 200, headers: { "Content-Type": "text/event-stream" } },
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("the result page", () => {
  it("follows a queued run live over the event stream, then shows how it finished", async () => {
    let detail = 0;
    stubApi((_, url) => {
      if (url.pathname === `/api/v1/backtests/${ID}`) {
        detail += 1;
        return json(
          200,
          detail === 1 ? { ...base, status: "pending", progress: 0 } : { ...base, status: "failed", progress: 40, error: "stopped" },
        );
      }
      if (url.pathname === `/api/v1/backtests/${ID}/events`) {
        return sse(
          `event:status\ndata:{"id":"${ID}","status":"running","progress":40,"error":null}\n\n` +
            `event:status\ndata:{"id":"${ID}","status":"failed","progress":40,"error":"stopped"}\n\n`,
        );
      }
      return undefined;
    });
    renderWithProviders(<BacktestResult id={ID} />);
    expect(await screen.findByTestId("run-progress")).toBeInTheDocument();
    // The stream's final state makes the page fetch the run again, now finished.
    expect(await screen.findByText("The run failed")).toBeInTheDocument();
    expect(screen.getByText("stopped")).toBeInTheDocument();
    expect(detail).toBe(2);
  });

  it("puts the stop control in a running run's status card, never in the header, and asks in words that cannot mean undo", async () => {
    let cancelled = 0;
    stubApi((request, url) => {
      if (url.pathname === `/api/v1/backtests/${ID}` && request.method === "DELETE") {
        cancelled += 1;
        return json(202, { ...base, status: "cancelled" });
      }
      if (url.pathname === `/api/v1/backtests/${ID}`) return json(200, { ...base, status: "running", progress: 10 });
      if (url.pathname === `/api/v1/backtests/${ID}/events`) return new Promise<Response>(() => {});
      return undefined;
    });
    const { user } = renderWithProviders(<BacktestResult id={ID} />);
    const card = await screen.findByTestId("run-progress");
    const stop = screen.getByRole("button", { name: "Stop run" });
    expect(card).toContainElement(stop);
    // The header holds no button while the run is active: a second click of a double click on the
    // form's submit button, which sat there, lands on nothing.
    expect(screen.getByRole("heading", { level: 1 }).parentElement!.parentElement!.querySelectorAll("button, a")).toHaveLength(0);

    await user.click(stop);
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("Stop this run?");
    expect(screen.getByRole("button", { name: "Keep running" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Cancel" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Keep running" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(cancelled).toBe(0);

    await user.click(stop);
    await user.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Stop run" }));
    await vi.waitFor(() => expect(cancelled).toBe(1));
  });

  it("shows a failed run's readable error, its settings and the code that ran", async () => {
    stubApi((_, url) =>
      url.pathname === `/api/v1/backtests/${ID}`
        ? json(200, { ...base, status: "failed", error: "strategy error at line 1: not enough bars for sma(close, 30)" })
        : undefined,
    );
    renderWithProviders(<BacktestResult id={ID} />);
    expect(await screen.findByText("strategy error at line 1: not enough bars for sma(close, 30)")).toBeInTheDocument();
    expect(screen.getByTestId("run-code")).toHaveTextContent("long_entry = crossover(sma(close, 10), sma(close, 30))");
    expect(screen.getByTestId("run-settings")).toHaveTextContent("US stock");
    expect(screen.getByRole("link", { name: /Run again with changes/ }).getAttribute("href")).toContain("strategy_id=s-1");
    expect(screen.getByRole("button", { name: "Delete" })).toBeInTheDocument();
  });

  it("says which data the run read, warns when the stored bars changed since, and reruns it", async () => {
    const { requests } = stubApi((request, url) => {
      if (url.pathname === `/api/v1/backtests/${ID}` && request.method === "GET") {
        return json(200, { ...base, status: "failed", error: "x", dataset: "own", data_fingerprint: "ab", data_changed: true });
      }
      if (url.pathname === `/api/v1/backtests/${ID}/rerun`) {
        return json(202, { id: "afb88dd7-0000-4000-8000-000000000002", status: "pending", progress: 0 });
      }
      return undefined;
    });
    const { user } = renderWithProviders(<BacktestResult id={ID} />);
    expect(await screen.findByTestId("run-dataset")).toHaveTextContent("Your upload");
    expect(screen.getByTestId("data-changed")).toHaveTextContent("The data changed since this run");
    expect(screen.getByTestId("data-changed")).toHaveTextContent("AAPL");
    await user.click(screen.getByRole("button", { name: "Rerun" }));
    await vi.waitFor(() => expect(requests.some((r) => r.method === "POST" && r.url.endsWith(`/${ID}/rerun`))).toBe(true));
  });

  it("says whether a rerun read the original's bars", async () => {
    stubApi((_, url) =>
      url.pathname === `/api/v1/backtests/${ID}`
        ? json(200, { ...base, status: "failed", error: "x", dataset: "shared", data_changed: false, same_data_as_original: false })
        : undefined,
    );
    renderWithProviders(<BacktestResult id={ID} />);
    expect(await screen.findByTestId("run-dataset")).toHaveTextContent("Shared data");
    expect(screen.getByTestId("rerun-data-different")).toBeInTheDocument();
    expect(screen.queryByTestId("data-changed")).not.toBeInTheDocument();
  });

  it("loads a long run's round trips a page at a time and marks only the first ones on the price chart", async () => {
    const { requests } = stubApi((_, url) => {
      if (url.pathname === `/api/v1/backtests/${ID}`) {
        return json(200, { ...base, status: "completed", progress: 100, result: runResult({ round_trip_count: 1200, bar_count: 2400 }) });
      }
      if (url.pathname === `/api/v1/backtests/${ID}/round-trips`) {
        return json(200, { items: [], page: 0, size: Number(url.searchParams.get("size")), total_items: 1200, total_pages: 48 });
      }
      return undefined;
    });
    renderWithProviders(<BacktestResult id={ID} />);
    expect(await screen.findByTestId("price-markers-note")).toHaveTextContent("Markers for the first 500 of 1,200 round trips");
    await screen.findByText("1,200 round trips");
    const sizes = requests
      .filter((r) => new URL(r.url).pathname.endsWith("/round-trips"))
      .map((r) => Number(new URL(r.url).searchParams.get("size")));
    expect(sizes.sort((a, b) => a - b)).toEqual([25, 500]);
  });

  it("names a completed run's benchmark and shows the run measured against it", async () => {
    stubApi((_, url) =>
      url.pathname === `/api/v1/backtests/${ID}`
        ? json(200, {
            ...base,
            status: "completed",
            progress: 100,
            benchmark: "SPY",
            result: runResult({
              metrics: { total_return: 0.1, sqn: 1.5, beta: 0.8, alpha: 0.02 },
              benchmark: { symbol: "SPY", returns: 251 },
            }),
          })
        : undefined,
    );
    renderWithProviders(<BacktestResult id={ID} />);
    expect(await screen.findByTestId("run-benchmark")).toHaveTextContent("Benchmark SPY");
    expect(screen.getByTestId("benchmark-metrics")).toHaveTextContent("Against SPY");
    expect(screen.getByTestId("benchmark-beta")).toHaveTextContent("0.80");
    // Its metrics are in their own card, not repeated in the list of all metrics.
    expect(screen.getByTestId("all-metrics")).toHaveTextContent("SQN");
    expect(screen.getByTestId("all-metrics")).not.toHaveTextContent("Beta");
  });

  it("puts a composed robustness part in its own tab of a completed run, the results staying the first", async () => {
    stubApi((_, url) =>
      url.pathname === `/api/v1/backtests/${ID}`
        ? json(200, { ...base, status: "completed", progress: 100, result: runResult({ metrics: { total_return: 0.1 } }) })
        : undefined,
    );
    const { user } = renderWithProviders(<BacktestResult id={ID} robustness={(run) => <p>robustness of {run.id}</p>} />);
    expect(await screen.findByTestId("run-tab-results")).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("metric-cards")).toBeInTheDocument();
    expect(screen.queryByText(`robustness of ${ID}`)).not.toBeInTheDocument();
    await user.click(screen.getByTestId("run-tab-robustness"));
    expect(await screen.findByText(`robustness of ${ID}`)).toBeInTheDocument();
    expect(screen.getByTestId("run-completed")).toBeInTheDocument();
  });

  it("says so when the run does not exist (or is someone else's)", async () => {
    stubApi(() => json(404, { type: "/problems/not-found", title: "Not found", status: 404 }));
    renderWithProviders(<BacktestResult id={ID} />);
    expect(await screen.findByText("Backtest not found")).toBeInTheDocument();
  });
});
