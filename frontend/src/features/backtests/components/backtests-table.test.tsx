import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { useBacktestListStore } from "../stores/backtest-list-store";
import { BacktestsTable } from "./backtests-table";

const run = (i: number, status = "completed") => ({
  id: `00000000-0000-4000-8000-00000000000${i}`,
  status,
  progress: status === "running" ? 45 : 100,
  strategy_id: "s-1",
  strategy_name: `Strategy ${i}`,
  symbol: i === 2 ? "005930.KS" : i === 3 ? "SYN-TECH" : "AAPL",
  symbol_count: i === 3 ? 8 : 1,
  interval: "1d",
  start_date: "2013-01-01",
  end_date: "2013-12-31",
  initial_capital: 10000,
  parameters: { fast: 10, slow: 30 },
  currency: i === 2 ? "KRW" : "USD",
  created_at: "2024-03-15T00:30:00Z",
  key_metrics:
    status === "completed"
      ? {
          total_return: 0.024125,
          cagr: 0.0243,
          max_drawdown: -0.164946,
          sharpe_ratio: 0.2261,
          win_rate: 1 / 3,
          trade_count: 3,
          final_equity: i === 2 ? 10241250.4 : 10241.25,
        }
      : undefined,
});

function listApi(items = [run(1), run(2), run(3, "running")]) {
  return stubApi((request, url) => {
    if (url.pathname === "/api/v1/backtests" && request.method === "GET") {
      const status = url.searchParams.get("status");
      const shown = status ? items.filter((i) => i.status === status) : items;
      return json(200, { items: shown, page: 0, size: 20, total_items: shown.length, total_pages: 1 });
    }
    if (url.pathname === "/api/v1/data/symbols") return json(200, [{ symbol: "AAPL" }]);
    if (url.pathname === "/api/v1/strategies") return json(200, { items: [], total_items: 0, total_pages: 0 });
    if (request.method === "DELETE") return new Response(null, { status: 204 });
    return undefined;
  });
}

const lastListQuery = (requests: Request[]) =>
  new URL(requests.filter((r) => new URL(r.url).pathname === "/api/v1/backtests").at(-1)!.url).searchParams;

beforeEach(() => useBacktestListStore.getState().reset());
afterEach(() => vi.unstubAllGlobals());

describe("the runs table", () => {
  it("lists runs with their key metrics in each run's currency, and a running one's progress", async () => {
    listApi();
    renderWithProviders(<BacktestsTable />);
    const link = await screen.findByRole("link", { name: "Strategy 1" });
    expect(link).toHaveAttribute("href", "/backtests/00000000-0000-4000-8000-000000000001");
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(rows[0]).toHaveTextContent("+2.41%");
    expect(rows[0]).toHaveTextContent("-16.49%");
    expect(rows[0]).toHaveTextContent("0.23");
    expect(rows[0]).toHaveTextContent("$10,241.25");
    expect(rows[0]).toHaveTextContent("fast=10, slow=30");
    expect(rows[1]).toHaveTextContent("₩10,241,250");
    expect(rows[0]).toHaveTextContent("AAPL · 1d");
    // A portfolio run names its first symbol and how many more it trades.
    expect(rows[2]).toHaveTextContent("SYN-TECH +7 · 1d");
    expect(rows[2]).toHaveTextContent("Running");
    expect(rows[2]).toHaveTextContent("45%");
    expect(within(rows[2]!).getAllByRole("progressbar")[0]).toBeInTheDocument();
  });

  it("sorts on the server, newest first by default", async () => {
    const { requests } = listApi();
    const { user } = renderWithProviders(<BacktestsTable />);
    await screen.findByRole("link", { name: "Strategy 1" });
    expect(lastListQuery(requests).get("sort")).toBe("created_at,desc");
    expect(screen.getByRole("columnheader", { name: "Created" })).toHaveAttribute("aria-sort", "descending");
    await user.click(screen.getByRole("button", { name: "Status" }));
    await waitFor(() => expect(lastListQuery(requests).get("sort")).toBe("status,asc"));
    expect(screen.getByRole("columnheader", { name: "Status" })).toHaveAttribute("aria-sort", "ascending");
    await user.click(screen.getByRole("button", { name: "Status" }));
    await waitFor(() => expect(lastListQuery(requests).get("sort")).toBe("status,desc"));
  });

  it("sorts by a metric column on the server, largest first, and keeps the sort in the address", async () => {
    window.history.replaceState(null, "", "/backtests");
    const { requests } = listApi();
    const { user } = renderWithProviders(<BacktestsTable />);
    await screen.findByRole("link", { name: "Strategy 1" });
    const header = screen.getByRole("columnheader", { name: "Sharpe" });
    expect(header).toHaveAttribute("aria-sort", "none");
    await user.click(within(header).getByRole("button", { name: "Sharpe" }));
    await waitFor(() => expect(lastListQuery(requests).get("sort")).toBe("sharpe_ratio,desc"));
    expect(header).toHaveAttribute("aria-sort", "descending");
    expect(new URLSearchParams(window.location.search).get("sort")).toBe("sharpe_ratio,desc");
    await user.click(within(header).getByRole("button", { name: "Sharpe" }));
    await waitFor(() => expect(new URLSearchParams(window.location.search).get("sort")).toBe("sharpe_ratio,asc"));
    await waitFor(() => expect(lastListQuery(requests).get("sort")).toBe("sharpe_ratio,asc"));
    // Back to newest first: the address is bare again.
    await user.click(screen.getByRole("button", { name: "Created" }));
    await waitFor(() => expect(window.location.search).toBe(""));
    await waitFor(() => expect(lastListQuery(requests).get("sort")).toBe("created_at,desc"));
  });

  it("opens sorted as the address says, and ignores a sort it does not know", async () => {
    window.history.replaceState(null, "", "/backtests?sort=max_drawdown,asc");
    const { requests } = listApi();
    renderWithProviders(<BacktestsTable />);
    await screen.findByRole("link", { name: "Strategy 1" });
    await waitFor(() => expect(lastListQuery(requests).get("sort")).toBe("max_drawdown,asc"));
    expect(screen.getByRole("columnheader", { name: "MDD" })).toHaveAttribute("aria-sort", "ascending");

    useBacktestListStore.getState().reset();
    window.history.replaceState(null, "", "/backtests?sort=result,desc");
    const second = listApi();
    renderWithProviders(<BacktestsTable />);
    await waitFor(() => expect(second.requests.length).toBeGreaterThan(0));
    await waitFor(() => expect(lastListQuery(second.requests).get("sort")).toBe("created_at,desc"));
    window.history.replaceState(null, "", "/backtests");
  });

  it("filters by status, and offers to clear a filter that matches nothing", async () => {
    const { requests } = listApi();
    renderWithProviders(<BacktestsTable />);
    await screen.findByRole("link", { name: "Strategy 1" });
    useBacktestListStore.getState().setStatus("failed");
    expect(await screen.findByText("No run matches these filters")).toBeInTheDocument();
    expect(lastListQuery(requests).get("status")).toBe("failed");
  });

  it("invites to a first run when there is none", async () => {
    listApi([]);
    renderWithProviders(<BacktestsTable />);
    expect(await screen.findByText("No backtests yet")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /New backtest/ })).toHaveAttribute("href", "/backtests/new");
  });

  it("deletes a finished run after confirming", async () => {
    const { requests } = listApi();
    const { user } = renderWithProviders(<BacktestsTable />);
    await screen.findByRole("link", { name: "Strategy 1" });
    await user.click(screen.getByRole("button", { name: "Actions for Strategy 1" }));
    await user.click(await screen.findByRole("menuitem", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog).toHaveTextContent("“Strategy 1” on AAPL is deleted with its trades and charts.");
    await user.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() =>
      expect(requests.some((r) => r.method === "DELETE" && r.url.endsWith("/00000000-0000-4000-8000-000000000001"))).toBe(true),
    );
  });
});
