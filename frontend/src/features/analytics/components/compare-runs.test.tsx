import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { useAnalyticsStore } from "../stores/analytics-store";
import { CompareRuns } from "./compare-runs";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const overview = (id: string, fast: number, total: number, sharpe: number) => ({
  id,
  status: "completed",
  strategy_name: "SMA crossover",
  symbol: "AAPL",
  interval: "1d",
  parameters: { fast, slow: 30 },
  currency: "USD",
  metrics: { start: 1357102800000, total_return: total, sharpe_ratio: sharpe, max_drawdown: -0.16, trade_count: 3 },
});

function api() {
  return stubApi((_, url) => {
    if (url.pathname === "/api/v1/backtests") {
      return json(200, {
        items: [A, B].map((id, i) => ({
          id,
          status: "completed",
          strategy_name: "SMA crossover",
          symbol: "AAPL",
          interval: "1d",
          parameters: { fast: i ? 5 : 10, slow: 30 },
          key_metrics: { total_return: i ? 0.0686 : 0.0241 },
        })),
        total_items: 2,
        total_pages: 1,
      });
    }
    if (url.pathname === "/api/v1/analytics/compare") {
      return json(200, {
        metric_names: ["start", "total_return", "sharpe_ratio", "max_drawdown", "trade_count"],
        runs: [overview(A, 10, 0.0241, 0.23), overview(B, 5, 0.0686, 0.61)],
        equity: {
          dates: ["2013-01-02", "2013-01-03"],
          values: [
            [100, 101],
            [100, 99],
          ],
          total_points: 2,
        },
        correlation: {
          values: [
            [1, 0.877],
            [0.877, 1],
          ],
          overlapping_returns: [
            [251, 251],
            [251, 251],
          ],
        },
      });
    }
    return undefined;
  });
}

beforeEach(() => useAnalyticsStore.setState({ selected: [] }));
afterEach(() => vi.unstubAllGlobals());

describe("comparing runs", () => {
  it("asks for two runs, then shows their metrics side by side with the best marked, and their correlation", async () => {
    const { requests } = api();
    const { user } = renderWithProviders(<CompareRuns />);
    expect(screen.getByText("Pick at least two runs")).toBeInTheDocument();
    const boxes = await screen.findAllByRole("checkbox");
    await user.click(boxes[0]!);
    await user.click(boxes[1]!);
    expect(screen.getByText("2 of at most 10 picked")).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: "Metrics side by side" });
    const compare = requests.find((r) => r.url.includes("/analytics/compare"))!;
    expect(new URL(compare.url).searchParams.getAll("ids")).toEqual([A, B]);
    // The time metrics are left out; the better Sharpe ratio is highlighted.
    expect(within(table).queryByText("First bar")).not.toBeInTheDocument();
    const sharpe = within(table).getByRole("row", { name: /Sharpe ratio/ });
    const cells = within(sharpe).getAllByRole("cell");
    expect(cells.map((c) => c.textContent)).toEqual(["0.23", "0.61"]);
    expect(cells[1]).toHaveClass("text-primary");
    const matrix = screen.getByRole("table", { name: "Correlation of daily returns" });
    expect(matrix.querySelector('td[data-row="0"][data-column="1"]')).toHaveTextContent("0.88");
  });
});
