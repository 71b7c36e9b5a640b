import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SchemaBacktestResponse, SchemaPortfolioSummary } from "@/lib/api/schema";
import { runResult } from "@/test/fixtures";
import { json, renderWithProviders, stubApi } from "@/test/render";
import { AllocationChart, ContributionTable, HoldingsAtDate, PortfolioFacts } from "./portfolio-result";

const ID = "afb88dd7-0000-4000-8000-000000000001";
const SYMBOLS = Array.from({ length: 23 }, (_, i) => `S${String(i).padStart(2, "0")}`);
const TIMES = [Date.UTC(2021, 0, 4), Date.UTC(2021, 3, 1), Date.UTC(2021, 6, 1)];

const portfolio = (overrides: Partial<SchemaPortfolioSummary> = {}): SchemaPortfolioSummary => ({
  base_currency: "KRW",
  rebalance: "drift:0.05",
  time_zone: "Asia/Seoul",
  turnover: 2.5,
  annual_turnover: 0.6,
  traded_value: 250_000_000,
  commissions: 12_345,
  symbols: [
    {
      symbol: "A",
      currency: "KRW",
      contribution: -1_000_000,
      round_trips: 1,
      final_quantity: 0,
      final_price: 1,
      final_value: 0,
      final_weight: 0,
    },
    {
      symbol: "B",
      currency: "KRW",
      contribution: 3_000_000,
      round_trips: 2,
      final_quantity: 10,
      final_price: 1,
      final_value: 1,
      final_weight: 0.5,
    },
  ],
  fx: {},
  notes: [{ time: "2021-03-02T00:00:00Z", kind: "buys_scaled", message: "On 2021-03-02 buys were scaled down" }],
  notes_omitted: 2,
  ...overrides,
});

const run = (symbols = SYMBOLS): SchemaBacktestResponse =>
  ({
    id: ID,
    symbol: symbols[0],
    symbols,
    interval: "1d",
    start_date: "2021-01-01",
    end_date: "2021-12-31",
    status: "completed",
    settings: { currency: "KRW", time_zone: "Asia/Seoul" },
    result: runResult({ portfolio: portfolio() }),
  }) as unknown as SchemaBacktestResponse;

afterEach(() => vi.unstubAllGlobals());

describe("a portfolio run's result", () => {
  it("reads the holdings twenty symbols at a time and draws the top eight, others and cash in the legend", async () => {
    const api = stubApi((_, url) => {
      if (url.pathname !== `/api/v1/backtests/${ID}/holdings`) return undefined;
      const asked = url.searchParams.get("symbols")!.split(",");
      // Later symbols weigh more, so the top eight are the last ones.
      return json(200, {
        time: TIMES,
        symbols: asked.map((symbol) => ({ symbol, weight: TIMES.map(() => (SYMBOLS.indexOf(symbol) + 1) / 400), quantity: [1, 1, 1] })),
        total_points: 3,
        total_symbols: SYMBOLS.length,
      });
    });
    renderWithProviders(<AllocationChart run={run()} onPickDate={() => {}} />);
    const legend = await screen.findByTestId("allocation-legend");
    const items = within(legend)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual(["S22", "S21", "S20", "S19", "S18", "S17", "S16", "S15", "Others (15)", "Cash"]);
    const asked = api.requests.map((r) => new URL(r.url).searchParams.get("symbols")!.split(",").length);
    expect(asked.sort()).toEqual([20, 3]);
    expect(api.requests.every((r) => new URL(r.url).searchParams.get("points") === "400")).toBe(true);
  });

  it("lists contributions largest first in whole won with signed shares", () => {
    renderWithProviders(<ContributionTable portfolio={portfolio()} />);
    const rows = screen.getAllByTestId("contribution-row").map((row) => row.textContent);
    expect(rows[0]).toMatch(/^B\+₩3,000,000\+75\.00%50\.00%$/);
    expect(rows[1]).toMatch(/^A-₩1,000,000-25\.00%0\.00%$/);
  });

  it("shows the holdings on a date with their values from the equity at that time", async () => {
    const api = stubApi((_, url) => {
      if (url.pathname === `/api/v1/backtests/${ID}/holdings/at`) {
        return json(200, {
          time: "2021-06-14T15:00:00Z",
          holdings: [
            { symbol: "A", quantity: 0, weight: 0 },
            { symbol: "B", quantity: 12, weight: 0.25 },
          ],
        });
      }
      if (url.pathname === "/api/v1/analytics/chart") {
        return json(200, {
          equity: { time: [1], equity: [20_000_000], drawdown: [0], buy_and_hold: [0], benchmark_equity: null, total_points: 1 },
        });
      }
      return undefined;
    });
    renderWithProviders(<HoldingsAtDate run={run(["A", "B"])} date="2021-06-15" onDateChange={() => {}} />);
    const table = await screen.findByTestId("holdings-table");
    // A position of zero is not a holding.
    expect(
      within(table)
        .getAllByRole("row")
        .map((r) => r.textContent),
    ).toEqual(["SymbolQuantityValueWeight", "B12₩5,000,00025.00%"]);
    expect(new URL(api.requests[0]!.url).searchParams.get("at")).toBe("2021-06-15");
    const chart = new URL(api.requests[1]!.url);
    expect([chart.searchParams.get("from"), chart.searchParams.get("to")]).toEqual(["2021-06-14T15:00:00Z", "2021-06-14T15:00:00Z"]);
  });

  it("words the run's notes in the reader's language with their dates, and counts those left out", () => {
    renderWithProviders(<PortfolioFacts run={run(["A", "B"])} />);
    const notes = screen.getByTestId("portfolio-notes");
    expect(notes.textContent).toContain("2021-03-02: the buys cost more than the cash there was and were scaled down.");
    expect(notes.textContent).toContain("…and 2 more");
    expect(screen.getByTestId("portfolio-facts").textContent).toContain("When a weight drifts (5.00%)");
  });
});
