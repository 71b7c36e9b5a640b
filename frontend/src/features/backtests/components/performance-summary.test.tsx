import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { json, renderWithProviders, stubApi } from "@/test/render";
import type { SchemaTradeSummaryColumn, SchemaTradeSummaryResponse } from "@/lib/api/schema";
import { PerformanceSummary } from "./performance-summary";

const column = (overrides: Partial<SchemaTradeSummaryColumn>): SchemaTradeSummaryColumn => ({
  net_profit: 10,
  net_profit_pct: 0.001,
  gross_profit: 30,
  gross_profit_pct: 0.003,
  gross_loss: -20,
  gross_loss_pct: -0.002,
  commission_paid: 1.5,
  profit_factor: 1.5,
  trade_count: 4,
  winning_trades: 2,
  losing_trades: 2,
  even_trades: 0,
  percent_profitable: 0.5,
  average_trade: 2.5,
  average_trade_pct: 0.01,
  average_winning_trade: 15,
  average_winning_trade_pct: 0.1,
  average_losing_trade: -10,
  average_losing_trade_pct: -0.08,
  win_loss_ratio: 1.5,
  largest_winning_trade: 25,
  largest_winning_trade_pct: 0.25,
  largest_losing_trade: -15,
  largest_losing_trade_pct: -0.12,
  average_bars: 1.5,
  average_bars_winning: 2,
  average_bars_losing: 1,
  max_consecutive_wins: 2,
  max_consecutive_losses: 1,
  ...overrides,
});

const SUMMARY: SchemaTradeSummaryResponse = {
  currency: "USD",
  initial_capital: 10000,
  max_run_up: 35,
  max_run_up_pct: 0.0035,
  max_drawdown: -20,
  max_drawdown_pct: -0.002,
  buy_and_hold_return: 4000,
  buy_and_hold_return_pct: 0.4,
  all: column({}),
  long: column({ net_profit: 20, trade_count: 2, profit_factor: 5, max_consecutive_wins: 1 }),
  short: column({ net_profit: -10, trade_count: 2, profit_factor: null, win_loss_ratio: null }),
};

afterEach(() => vi.unstubAllGlobals());

const row = (name: string) => within(screen.getByTestId(`summary-row-${name}`)).getAllByRole("cell");

describe("the performance summary", () => {
  it("shows every figure in All, Long and Short columns from the API", async () => {
    const { requests } = stubApi((_, url) => (url.pathname === "/api/v1/backtests/run-1/summary" ? json(200, SUMMARY) : undefined));
    renderWithProviders(<PerformanceSummary runId="run-1" />);
    await screen.findByTestId("summary-table");
    expect(requests.some((r) => new URL(r.url).pathname === "/api/v1/backtests/run-1/summary")).toBe(true);
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Figure", "All", "Long", "Short"]);

    const net = row("net_profit");
    expect(net[0]).toHaveTextContent("Net profit");
    expect(net[1]).toHaveTextContent("$10.00");
    expect(net[1]).toHaveTextContent("+0.10%");
    expect(net[2]).toHaveTextContent("$20.00");
    expect(net[3]).toHaveTextContent("-$10.00");
    expect(within(net[3]!).getByText("-$10.00")).toHaveClass("text-loss");
    expect(within(net[2]!).getByText("$20.00")).toHaveClass("text-gain");

    expect(row("profit_factor").map((c) => c.textContent)).toEqual(["Profit factor", "1.50", "5.00", "—"]);
    expect(row("win_loss_ratio")[3]).toHaveTextContent("—");
    expect(row("max_consecutive_wins").map((c) => c.textContent)).toEqual(["Max consecutive wins", "2", "1", "2"]);
    expect(row("percent_profitable")[1]).toHaveTextContent("50.00%");
    expect(row("average_bars")[1]).toHaveTextContent("1.5");
  });

  it("shows the equity's run-up, drawdown and buy & hold once across the three columns", async () => {
    stubApi((_, url) => (url.pathname === "/api/v1/backtests/run-1/summary" ? json(200, SUMMARY) : undefined));
    renderWithProviders(<PerformanceSummary runId="run-1" />);
    await screen.findByTestId("summary-table");
    const runUp = row("max_run_up");
    expect(runUp).toHaveLength(2);
    expect(runUp[1]).toHaveAttribute("colspan", "3");
    expect(runUp[1]).toHaveTextContent("$35.00");
    expect(row("max_drawdown")[1]).toHaveTextContent("-$20.00");
    expect(row("buy_and_hold_return")[1]).toHaveTextContent("+40.00%");
  });

  it("says so when the API fails, with a retry", async () => {
    stubApi((_, url) => (url.pathname === "/api/v1/backtests/run-1/summary" ? json(500, { title: "boom" }) : undefined));
    renderWithProviders(<PerformanceSummary runId="run-1" />);
    expect(await screen.findByRole("button", { name: /retry|try again/i })).toBeInTheDocument();
  });
});
