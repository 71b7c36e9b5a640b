import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { tradeRows, tradesCsv, type TradeRow } from "../lib/trades";
import { TradesTable } from "./trades-table";
import { runResult } from "@/test/fixtures";

const trade = (i: number, pnl: number): TradeRow => ({
  number: i,
  open: false,
  side: i % 5 === 0 ? "short" : "long",
  quantity: 10 + i,
  entry_time: `2013-03-${String((i % 28) + 1).padStart(2, "0")}T05:00:00Z`,
  entry_price: 400 + i,
  exit_time: `2013-04-${String((i % 28) + 1).padStart(2, "0")}T04:00:00Z`,
  exit_price: 400 + i + pnl / 10,
  pnl,
  return_pct: pnl / 4000,
  costs: 0,
  mae: -0.01,
  mfe: 0.02,
  bars_held: 9,
  exit_reason: "signal",
});

function renderTable(rows: TradeRow[]) {
  return renderWithProviders(
    <TradesTable rows={rows} runId="run-1" currency="USD" timeZone="America/New_York" interval="1d" tickSize={0.01} fileStem="AAPL-1d" />,
  );
}

const bodyRows = () =>
  within(screen.getByRole("table", { name: "Trades" }))
    .getAllByRole("row")
    .slice(1);

afterEach(() => vi.unstubAllGlobals());

describe("the trades table", () => {
  it("shows each round trip in the symbol's zone and currency, the open one marked", () => {
    renderTable(tradeRows(runResult({ trades: [trade(1, -820.68)], open_trade: { ...trade(2, 1340.28), exit_reason: "end_of_data" } })));
    const [first, open] = bodyRows();
    expect(first).toHaveTextContent("2013-03-02");
    expect(first).toHaveTextContent("401.00");
    expect(first).toHaveTextContent("-$820.68");
    expect(first).toHaveTextContent("Signal");
    expect(open).toHaveTextContent("Open");
    expect(open).toHaveTextContent("End of data");
    expect(open).toHaveTextContent("$1,340.28");
    expect(screen.getByText("2 round trips")).toBeInTheDocument();
  });

  it("sorts by a column when its header is clicked, and says so to assistive tech", async () => {
    const { user } = renderTable([trade(1, 100), trade(2, -300), trade(3, 250)]);
    await user.click(screen.getByRole("button", { name: "P&L" }));
    expect(screen.getByRole("columnheader", { name: "P&L" })).toHaveAttribute("aria-sort", "descending");
    expect(bodyRows().map((r) => within(r).getAllByRole("cell")[0]!.textContent)).toEqual(["3", "1", "2"]);
    await user.click(screen.getByRole("button", { name: "P&L" }));
    expect(screen.getByRole("columnheader", { name: "P&L" })).toHaveAttribute("aria-sort", "ascending");
    expect(bodyRows().map((r) => within(r).getAllByRole("cell")[0]!.textContent)).toEqual(["2", "1", "3"]);
  });

  it("pages through long lists", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => trade(i + 1, i));
    const { user } = renderTable(rows);
    expect(bodyRows()).toHaveLength(25);
    expect(screen.getByText("1–25 of 60")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByText("26–50 of 60")).toBeInTheDocument();
    expect(within(bodyRows()[0]!).getAllByRole("cell")[0]).toHaveTextContent("26");
  });

  it("exports the round trips as CSV with raw values", () => {
    const csv = tradesCsv([{ ...trade(1, -820.68), exit_reason: 'odd, "quoted"' }]);
    const [header, line] = csv.split("\r\n");
    expect(header).toBe(
      "number,side,quantity,entry_time,entry_price,exit_time,exit_price,pnl,return_pct,costs,mae,mfe,bars_held,exit_reason,open",
    );
    expect(line).toBe(
      '1,long,11,2013-03-02T05:00:00Z,401,2013-04-02T04:00:00Z,318.932,-820.68,-0.20517,0,-0.01,0.02,9,"odd, ""quoted""",false',
    );
  });

  it("downloads the fills CSV with the bearer token", async () => {
    const fetch = vi.fn(
      async (_request: Request) => new Response("timestamp,type\n", { status: 200, headers: { "Content-Type": "text/csv" } }),
    );
    vi.stubGlobal("fetch", fetch);
    URL.createObjectURL = vi.fn(() => "blob:fills");
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    const { user } = renderTable([trade(1, 10)]);
    await user.click(screen.getByRole("button", { name: "Fills CSV" }));
    await vi.waitFor(() => expect(click).toHaveBeenCalled());
    const request = fetch.mock.calls[0]![0];
    expect(new URL(request.url).pathname).toBe("/api/v1/backtests/run-1/trades");
    expect(new URL(request.url).searchParams.get("format")).toBe("csv");
    click.mockRestore();
  });
});
