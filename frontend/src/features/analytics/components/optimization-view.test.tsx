import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { useAnalyticsStore } from "../stores/analytics-store";
import { heatmapCells, OptimizationView, resultAt } from "./optimization-view";

/** A ranked combination of the grid: its (fast, slow) parameters and its (total_return, trade_count) metrics. */
function result(
  rank: number,
  combination: number,
  [fast, slow]: number[],
  score: number,
  feasible: boolean,
  [total_return, trade_count]: number[],
) {
  return { rank, combination, parameters: { fast, slow }, score, feasible, metrics: { total_return, trade_count } };
}

const OPT = {
  id: "opt-1",
  status: "completed",
  strategy_name: "SMA crossover",
  symbol: "AAPL",
  interval: "1d",
  start_date: "2013-01-01",
  end_date: "2013-12-31",
  settings: { currency: "USD" },
  ranges: [
    { name: "fast", from: 5, to: 10, step: 5, count: 2 },
    { name: "slow", from: 20, to: 30, step: 10, count: 2 },
  ],
  objective: "sharpe_ratio",
  constraints: [{ metric: "trade_count", op: ">=", value: 3 }],
  combinations: 4,
  evaluated: 4,
  progress: 100,
  results: [
    result(1, 1, [10, 20], 1.2178, true, [0.1952, 7]),
    result(2, 2, [5, 30], 0.9346, true, [0.1524, 3]),
    result(3, 0, [5, 20], 0.56, false, [0.08, 2]),
  ],
  heatmap: {
    x: "fast",
    y: "slow",
    x_values: [5, 10],
    y_values: [20, 30],
    scores: [
      [0.56, 1.2178],
      [0.9346, null],
    ],
  },
};

beforeEach(() => useAnalyticsStore.setState({ axes: {}, optimizationId: "opt-1" }));
afterEach(() => vi.unstubAllGlobals());

describe("an optimisation's heatmap", () => {
  it("maps scores[y][x] to rows of y and columns of x, and finds the best cell", () => {
    const { xs, ys, values, best } = heatmapCells(OPT.heatmap as Parameters<typeof heatmapCells>[0]);
    expect(xs).toEqual([5, 10]);
    expect(ys).toEqual([20, 30]);
    expect(values).toEqual([
      [0.56, 1.2178],
      [0.9346, null],
    ]);
    expect(best).toEqual({ row: 0, column: 1 });
    expect(resultAt(OPT.results as unknown as Parameters<typeof resultAt>[0], "fast", 10, "slow", 20)?.combination).toBe(1);
    expect(resultAt(OPT.results as unknown as Parameters<typeof resultAt>[0], "fast", 10, "slow", 30)).toBeUndefined();
  });

  it("shows the ranked results and the heatmap; a picked cell can be run in full", async () => {
    const { requests } = stubApi((request, url) => {
      if (url.pathname === "/api/v1/backtests/optimize/opt-1") return json(200, OPT);
      if (url.pathname === "/api/v1/backtests/optimize/opt-1/results/2/backtest" && request.method === "POST") {
        return json(202, { id: "run-9", status: "pending" });
      }
      return undefined;
    });
    const { user } = renderWithProviders(<OptimizationView id="opt-1" />);
    const ranked = await screen.findByTestId("ranked-results");
    const rows = within(ranked).getAllByRole("row").slice(1);
    expect(rows[0]).toHaveTextContent(/1\s*10\s*20\s*1\.22/);
    expect(rows[2]).toHaveTextContent("breaks a constraint");
    expect(screen.getByText("4 of 4 combinations evaluated")).toBeInTheDocument();

    const heatmap = screen.getByRole("table", { name: "Best score for each fast and slow" });
    const best = heatmap.querySelector('td[data-row="0"][data-column="1"]') as HTMLElement;
    expect(best).toHaveTextContent("1.22");
    expect(within(best).getByRole("button")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByTestId("heatmap-cell")).toHaveTextContent("fast=10, slow=20 · Sharpe ratio 1.22");

    await user.click(within(heatmap).getByRole("button", { name: "fast 5, slow 30: 0.93" }));
    expect(screen.getByTestId("heatmap-cell")).toHaveTextContent("fast=5, slow=30");
    await user.click(within(screen.getByTestId("heatmap-cell").parentElement!).getByRole("button", { name: "Run as full backtest" }));
    await vi.waitFor(() => expect(requests.some((r) => r.url.endsWith("/results/2/backtest"))).toBe(true));
  });

  it("asks for another pair of parameters when the axes change", async () => {
    const { requests } = stubApi((_, url) => (url.pathname === "/api/v1/backtests/optimize/opt-1" ? json(200, OPT) : undefined));
    renderWithProviders(<OptimizationView id="opt-1" />);
    await screen.findByTestId("ranked-results");
    useAnalyticsStore.getState().setAxes({ x: "slow", y: "fast" });
    await vi.waitFor(() => expect(requests.some((r) => new URL(r.url).searchParams.get("x") === "slow")).toBe(true));
  });

  it("adds a robustness tab when the route composes one, keeping the results as the first tab", async () => {
    stubApi((_, url) => (url.pathname === "/api/v1/backtests/optimize/opt-1" ? json(200, OPT) : undefined));
    const { user } = renderWithProviders(<OptimizationView id="opt-1" robustness={<p>robustness part</p>} />);
    expect(await screen.findByTestId("ranked-results")).toBeInTheDocument();
    expect(screen.queryByText("robustness part")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("optimization-tab-robustness"));
    expect(await screen.findByText("robustness part")).toBeInTheDocument();
    expect(screen.queryByTestId("ranked-results")).not.toBeInTheDocument();
  });
});
